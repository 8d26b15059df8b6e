#include "panemodel.h"

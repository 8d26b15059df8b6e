#include "topictreemodel.h"

#include "toptalkersmodel.h"

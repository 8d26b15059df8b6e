#include "topicfilter.h"

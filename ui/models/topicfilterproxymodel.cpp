#include "topicfilterproxymodel.h"

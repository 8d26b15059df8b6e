#include "topicnode.h"

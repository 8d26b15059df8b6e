#include "messagestore.h"

#include "segmentkind.h"

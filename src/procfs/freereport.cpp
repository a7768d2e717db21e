#include "freereport.h"

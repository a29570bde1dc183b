// @brief The `times` array of the sitrep/1 document JSON: AppendTimesJson now
// lives with the model in doc/time_expr.h; this header is kept for the stage's users.
#pragma once

#include "base/json.h"
#include "doc/time_expr.h"

// The operations a request may name, as a table: each with the fields it accepts (beyond "id"
// and "op") and the handler that fills the reply. The dispatcher checks the fields, then calls
// the handler; handlers throw RequestError or StoreError and never write partial replies.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "event.h"
#include "store.h"

namespace consentlens::host {

using OpHandler = void (*)(Store& store, const Json& req, Json& reply);

struct Op {
  const char* name;
  std::vector<std::string> fields;
  OpHandler run;
};

// nullptr for an unknown operation.
const Op* find_op(std::string_view name);

// The handlers (ops_read.cc, ops_write.cc).
void op_hello(Store&, const Json&, Json&);
void op_query(Store&, const Json&, Json&);
void op_get(Store&, const Json&, Json&);
void op_export(Store&, const Json&, Json&);
void op_stats(Store&, const Json&, Json&);
void op_meetings(Store&, const Json&, Json&);
void op_log(Store&, const Json&, Json&);
void op_delete(Store&, const Json&, Json&);
void op_purge(Store&, const Json&, Json&);
void op_set_retention(Store&, const Json&, Json&);

}  // namespace consentlens::host

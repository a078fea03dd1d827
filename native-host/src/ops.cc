#include "ops.h"

#include "requests.h"

namespace consentlens::host {
namespace {

std::vector<std::string> with_filters(std::vector<std::string> fields) {
  fields.insert(fields.end(), kFilterFields.begin(), kFilterFields.end());
  return fields;
}

const std::vector<Op>& table() {
  static const std::vector<Op> ops = {
      {"hello", {"client"}, op_hello},
      {"log", {"events", "event"}, op_log},
      {"query", with_filters({"limit", "cursor"}), op_query},
      {"get", {"event_id"}, op_get},
      {"meetings", with_filters({"limit", "cursor"}), op_meetings},
      {"export", with_filters({"format", "limit", "cursor"}), op_export},
      {"stats", with_filters({}), op_stats},
      {"delete", {"event_ids", "since", "until"}, op_delete},
      {"purge", {}, op_purge},
      {"set_retention", {"days"}, op_set_retention},
  };
  return ops;
}

}  // namespace

const Op* find_op(std::string_view name) {
  for (const Op& op : table())
    if (name == op.name) return &op;
  return nullptr;
}

}  // namespace consentlens::host

// CSV for `export` (RFC 4180: comma-separated, CRLF rows, quoted where needed).
#pragma once
#include <string>

#include "event.h"

namespace consentlens::host {

inline constexpr const char* kCsvHeader =
    "at,type,site,kind,vendor,choice,training,evidence,summary,page_title,meeting,event_id\r\n";

std::string csv_field(const std::string& s);
std::string csv_row(const Json& event);

}  // namespace consentlens::host

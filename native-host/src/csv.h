// CSV for `export` (RFC 4180: comma-separated, CRLF rows, quoted where needed). Safe to open in a
// spreadsheet: a field that starts with = + - @, a tab or a carriage return would be read as a
// formula there, so it gets a leading apostrophe and is quoted ("'=HYPERLINK(...)").
#pragma once
#include <string>

#include "event.h"

namespace consentlens::host {

inline constexpr const char* kCsvHeader =
    "at,type,site,kind,vendor,choice,training,evidence,summary,page_title,meeting,event_id\r\n";

std::string csv_field(const std::string& s);
std::string csv_row(const Json& event);

}  // namespace consentlens::host

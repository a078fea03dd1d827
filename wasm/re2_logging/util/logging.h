// consentlens's stand-in for RE2's util/logging.h in the wasm build (wasm/CMakeLists.txt puts
// this folder ahead of RE2's own on the include path; RE2's sources are not changed).
//
// Why: RE2's logging writes through std::ostringstream, and one ostringstream brings libc++'s
// whole locale machinery into the module (money, time and wide-character facets; the size it
// cost is in docs/benchmarks.md, "Comments' numbers"). In the engine nothing reads RE2's log: patterns are
// compiled with log_errors off and their errors are read from RE2::error(). So messages are
// dropped here; a failed CHECK or LOG(FATAL) still aborts, as RE2 means it to.
#ifndef UTIL_LOGGING_H_
#define UTIL_LOGGING_H_

#include <assert.h>
#include <stdlib.h>

#include "util/util.h"

#define DCHECK(condition) assert(condition)
#define DCHECK_EQ(val1, val2) assert((val1) == (val2))
#define DCHECK_NE(val1, val2) assert((val1) != (val2))
#define DCHECK_LE(val1, val2) assert((val1) <= (val2))
#define DCHECK_LT(val1, val2) assert((val1) < (val2))
#define DCHECK_GE(val1, val2) assert((val1) >= (val2))
#define DCHECK_GT(val1, val2) assert((val1) > (val2))

// Takes anything written to it and keeps none of it.
class LogSink {
 public:
  template <typename T>
  LogSink& operator<<(const T&) {
    return *this;
  }
};

class LogMessage {
 public:
  LogMessage(const char*, int) {}
  LogSink& stream() { return sink_; }

 private:
  LogSink sink_;
};

class LogMessageFatal : public LogMessage {
 public:
  LogMessageFatal(const char* file, int line) : LogMessage(file, line) {}
  ATTRIBUTE_NORETURN ~LogMessageFatal() { abort(); }
};

#define CHECK(x) \
  if (x) {       \
  } else         \
    LogMessageFatal(__FILE__, __LINE__).stream() << "Check failed: " #x
#define CHECK_LT(x, y) CHECK((x) < (y))
#define CHECK_GT(x, y) CHECK((x) > (y))
#define CHECK_LE(x, y) CHECK((x) <= (y))
#define CHECK_GE(x, y) CHECK((x) >= (y))
#define CHECK_EQ(x, y) CHECK((x) == (y))
#define CHECK_NE(x, y) CHECK((x) != (y))

#define LOG_INFO LogMessage(__FILE__, __LINE__)
#define LOG_WARNING LogMessage(__FILE__, __LINE__)
#define LOG_ERROR LogMessage(__FILE__, __LINE__)
#define LOG_FATAL LogMessageFatal(__FILE__, __LINE__)
#define LOG_QFATAL LOG_FATAL
#ifdef NDEBUG
#define LOG_DFATAL LOG_ERROR
#else
#define LOG_DFATAL LOG_FATAL
#endif
#define LOG(severity) LOG_##severity.stream()
#define VLOG(x) \
  if ((x) > 0) { \
  } else         \
    LOG_INFO.stream()

#endif  // UTIL_LOGGING_H_

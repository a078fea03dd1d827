#include "test_pack.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace consentlens::testing {

std::string source_path(const std::string& relative) { return std::string(CONSENTLENS_SOURCE_DIR) + "/" + relative; }

bool file_exists(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_small_pack_dir(const std::string& dir, const std::vector<std::string>& vocab_langs) {
  std::string cmd = "rm -rf '" + dir + "' && mkdir -p '" + dir + "/rules/vocab' && cp -r '" + source_path("core/knowledge") + "' '" + dir + "/'";
  for (const auto& lang : vocab_langs) cmd += " && cp '" + source_path("core/rules/vocab/" + lang + ".json") + "' '" + dir + "/rules/vocab/'";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("cannot make the pack folder " + dir);
  std::ofstream out(dir + "/rules/small.json", std::ios::binary);
  out << R"({"rules": [{"id": "small.recording", "kind": "recording", "patterns": ["\\brecording started\\b"],
  "examples": {"fire": [{"text": "Recording started", "source": "a"}, {"text": "The recording started.", "source": "b"}],
               "silent": [{"text": "Recording stopped", "why": "another state"}]}}]})";
  if (!out.flush()) throw std::runtime_error("cannot write " + dir + "/rules/small.json");
}

std::vector<PackFile> tiny_pack(const std::string& rules_json) {
  return {
      {"knowledge/phrases.json", read_file(source_path("core/knowledge/phrases.json"))},
      {"knowledge/vendors/other.json", R"({"vendor": "other", "name": "the service", "hosts": [], "sources": {}, "kinds": {}})"},
      {"rules/test.json", rules_json},
      {"rules/vocab/en.json", R"({"lang": "en", "classes": {"rec": ["record\\pL*"], "control": ["start", "stop"]}})"},
  };
}

RunResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text) {
  char in_path[] = "/tmp/consentlens-test-inXXXXXX";
  char out_path[] = "/tmp/consentlens-test-outXXXXXX";
  char err_path[] = "/tmp/consentlens-test-errXXXXXX";
  const int fi = mkstemp(in_path), fo = mkstemp(out_path), fe = mkstemp(err_path);
  if (fi < 0 || fo < 0 || fe < 0) throw std::runtime_error("mkstemp failed");
  if (!stdin_text.empty() && write(fi, stdin_text.data(), stdin_text.size()) != static_cast<ssize_t>(stdin_text.size()))
    throw std::runtime_error("write failed");
  close(fi);
  close(fo);
  close(fe);
  std::string cmd = CONSENTLENS_BINARY;
  for (const auto& a : args) {
    cmd += " '";
    for (char c : a) cmd += c == '\'' ? std::string("'\\''") : std::string(1, c);
    cmd += "'";
  }
  cmd += std::string(" <") + in_path + " >" + out_path + " 2>" + err_path;
  const int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  unlink(in_path);
  unlink(out_path);
  unlink(err_path);
  return r;
}

}  // namespace consentlens::testing

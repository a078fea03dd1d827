// consentlens-pack: the build's step from core/ to the pack digest (core/src/digest.h). Loads
// the rule and knowledge packs with every check, works out what the engine would otherwise
// work out at each start, and writes the digest the native build embeds and the wasm engine
// ships beside it. Every file is checked against its JSON Schema first (pack_schemas.h), so the
// digest (and with it `consentlens rules lint` without --pack) only ever holds packs that
// passed them. Exit 0 written, 1 the packs have problems (listed), 2 usage or I/O.
#include <fstream>
#include <iostream>
#include <string>

#include "input.h"
#include "make_digest.h"
#include "pack_dir.h"
#include "pack_schemas.h"
#include "rule_pack.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "Usage: consentlens-pack CORE_DIR OUT_FILE\n";
    return 2;
  }
  try {
    if (const auto problems = consentlens::check_pack_schemas(consentlens::read_schema_checked_files(argv[1])); !problems.empty()) {
      std::cerr << "consentlens-pack: the files in " << argv[1] << " do not match their schemas (core/schema/):\n";
      for (const auto& p : problems) std::cerr << p << '\n';
      return 1;
    }
    const std::string digest = consentlens::make_digest(consentlens::read_pack_dir(argv[1]));
    const std::string tmp = std::string(argv[2]) + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out.write(digest.data(), static_cast<std::streamsize>(digest.size()));
      if (!out.flush()) {
        std::cerr << "consentlens-pack: " << tmp << ": cannot write\n";
        return 2;
      }
    }
    if (std::rename(tmp.c_str(), argv[2]) != 0) {
      std::cerr << "consentlens-pack: " << argv[2] << ": cannot write\n";
      return 2;
    }
  } catch (const consentlens::PackError& e) {
    std::cerr << "consentlens-pack: the packs in " << argv[1] << " have problems:\n" << e.what() << '\n';
    return 1;
  } catch (const consentlens::UsageError& e) {
    std::cerr << "consentlens-pack: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "consentlens-pack: " << e.what() << '\n';
    return 2;
  }
  return 0;
}

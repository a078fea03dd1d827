#include "make_digest.h"

#include "digest.h"
#include "engine.h"

namespace consentlens {

std::string make_digest(const std::vector<PackFile>& files) {
  const Engine engine(files);  // every check; throws PackError
  DigestWriter w;
  w.str(kDigestMagic);
  w.u32(kDigestVersion);
  w.str("vocabulary");
  engine.rules().vocabulary().write(w);
  w.str("rules");
  engine.rules().write(w);
  w.str("knowledge");
  engine.knowledge().write(w);
  w.str("words");
  engine.words().write(w);
  w.str("patterns");
  engine.matcher().write(w);
  w.str("end");
  return w.take();
}

}  // namespace consentlens

// Who the host is and whom it serves. The extension's ID is fixed by the public key in
// extension/manifest.json (docs/extension.md); Firefox names the add-on by its gecko id.
#pragma once

namespace consentlens::host {

inline constexpr const char* kHostName = "io.consentlens.history";
inline constexpr const char* kChromeExtensionId = "oeflbibdpoelgkjhgoegjfclojhdpfap";
inline constexpr const char* kChromeOrigin = "chrome-extension://oeflbibdpoelgkjhgoegjfclojhdpfap/";
inline constexpr const char* kFirefoxAddonId = "consentlens@consentlens.invalid";

}  // namespace consentlens::host

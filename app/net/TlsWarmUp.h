#pragma once

namespace keydesk {

// Loads Qt's TLS backend on a pool thread, once per process: its plugin, libssl and libcrypto
// with their configuration, then the default TLS configuration. The first HTTPS call otherwise
// does this on the GUI thread, 15-25 ms just before the console's first key list is asked for
// (docs/performance.md, "Startup"). Returns at once; a call made meanwhile waits for the backend
// to be ready rather than loading it again. Needs a QCoreApplication, whose destructor waits for
// the pool, so the warm-up never outlives Qt.
void warmUpTls();

} // namespace keydesk

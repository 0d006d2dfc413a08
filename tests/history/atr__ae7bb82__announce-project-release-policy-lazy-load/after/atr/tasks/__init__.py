# From apache/tooling-trusted-releases, atr/tasks/__init__.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

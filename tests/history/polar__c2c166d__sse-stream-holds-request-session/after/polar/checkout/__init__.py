# From polarsource/polar, server/polar/checkout/__init__.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.

//! Integration tests for zugong-core.

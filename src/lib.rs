//! tanaqud: claim-contradiction checker for Arabic news. See ARCHITECTURE.md.

pub mod time;
pub mod cli;

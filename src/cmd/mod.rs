//! One thin function per subcommand: gather input, call the core, print.

pub mod check;
pub mod import;
pub mod lookup;

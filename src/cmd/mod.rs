//! One thin function per subcommand: gather input, call the core, print.

pub mod bank;
pub mod card;
pub mod check;
pub mod drill;
pub mod import;
pub mod lookup;
pub mod quiz;

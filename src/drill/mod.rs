//! Species identification drills: items (a card joined to its catalog record), question
//! generation, grading and the session's bookkeeping. Pure: randomness comes in as a seeded
//! generator, time as durations; the terminal is the command's business.

pub mod generate;
pub mod grade;
pub mod head;
pub mod item;
pub mod plan;
pub mod question;
pub mod session;

pub use generate::{Settings, generate};
pub use item::{Item, Items, build_items};
pub use question::{Expected, Kind, Question};

#[cfg(test)]
pub(crate) mod testkit;

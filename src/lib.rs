//! cites-trainer: a terminal trainer for the officers who enforce CITES.
//!
//! The pure core (catalog, checks, imports' row conversion) takes data and returns data;
//! `cli` and `cmd` gather input, call the core and print. See ARCHITECTURE.md.

pub mod bank;
pub mod cards;
pub mod catalog;
pub mod check;
pub mod checklist;
pub mod cli;
pub mod cmd;
pub mod countries;
pub mod data;
pub mod drill;
pub mod error;
pub mod export;
pub mod paper;
pub mod permits;
pub mod prompt;
pub mod quiz;
pub mod report;
pub mod results;
pub mod schedule;
pub mod store;
pub mod text;
pub mod timed;

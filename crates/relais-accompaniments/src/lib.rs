//! Accompaniments: every request helped, the people (only when needed), redirections, collective
//! moments and political signals. Being built (the accompaniments issue); for now the check
//! that keeps personal data out of political signals.

pub mod personal_data;

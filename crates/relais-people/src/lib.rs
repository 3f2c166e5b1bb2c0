//! People followed: the records an organisation keeps of the people it helps over time (a
//! pseudonym, what they agreed to, their age band, gender, language and situations), scoped to
//! the organisation, found again, erased on request or after the retention period. The log,
//! workshops and the areas to come (appointments, trust, field work) use them; none owns them.

pub mod people;
pub mod vocabulary;

//! Attendance: roll calls and self check-in, the kept counts, excuses and the flows around
//! the roll call, and the rates of the staff home.

mod counts;
mod flows;
mod rates;
mod roll_call;

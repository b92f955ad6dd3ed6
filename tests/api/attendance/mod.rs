//! Attendance: roll calls and self check-in, the kept counts, excuses and the flows around
//! the roll call, the rates of the staff home, and whom to tell when a session moves.

mod counts;
mod flows;
mod notify;
mod rates;
mod roll_call;

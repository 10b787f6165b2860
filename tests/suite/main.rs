//! Black-box tests: the real server on a random port, spoken to over HTTP.
//! Run on SQLite by default and on PostgreSQL with `TEST_DATABASE_URL`.

mod admin;
mod api_reference;
mod api_sessions;
mod certificates;
mod cli;
mod common;
mod email;
mod faults;
mod feedback;
mod feeds;
mod focal_points;
mod focal_workspace;
mod hybrid;
mod languages;
mod materials;
mod ops;
mod pages;
mod planner;
mod privacy;
mod registration_form;
mod registrations;
mod reports;
mod retention;
mod rtl;
mod security;
mod series;
mod smtp;
mod workspace_registrations;
mod workspace_sessions;
mod zones;

//! Convene: event and webinar scheduling for the EU CBRN Centres of
//! Excellence network.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod calendar;
pub mod certificates;
pub mod cli;
pub mod db;
pub mod domain;
pub mod error;
pub mod files;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod metrics;
pub mod pdf;
pub mod registrations;
pub mod reports;
pub mod sessions;
pub mod settings;
pub mod startup;
pub mod telemetry;
pub mod web;

//! The start page: what the programme is, and for signed-in people what they can do.

use leptos::prelude::*;
use leptos_meta::Title;

use super::layout::area_links;
use super::texts::T;
use crate::accounts;
use crate::kernel::i18n::fill;
use crate::kernel::{Role, Text};
use crate::platform::page::use_page;
use crate::platform::response::redirect;

/// A trainee's start page is their schedule.
const TRAINEE_HOME: &str = crate::schedule::paths::MINE;

#[component]
pub fn Landing() -> impl IntoView {
    let page = use_page();
    if page
        .actor
        .as_ref()
        .is_some_and(|actor| actor.role == Role::Trainee)
    {
        redirect(TRAINEE_HOME);
        return ().into_any();
    }
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let signed_in = page.actor.clone().map(|actor| {
        let links: Vec<_> = area_links(Some(&actor))
            .into_iter()
            .filter_map(|link| Some((link.href, t(link.label), t(link.description?))))
            .collect();
        view! {
            <section class="panel" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">{fill(t(T::LandingWelcome), &[("name", &actor.display_name)])}</h2>
                <h3>{t(T::LandingYourLinks)}</h3>
                <ul class="link-cards">
                    {links
                        .into_iter()
                        .map(|(href, label, description)| {
                            view! {
                                <li>
                                    <a href=href class="link-card">
                                        <strong>{label}</strong>
                                        <span>{description}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    let anonymous = page.actor.is_none();
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>{t(T::LandingTitle)}</h1>
            <p class="lead">{t(T::LandingIntro)}</p>
            {anonymous.then(|| view! {
                <p class="button-row">
                    <a class="button" href=accounts::paths::SIGN_IN>{t(T::LandingSignInCta)}</a>
                    <a class="button button-quiet" href=accounts::paths::ACTIVATE>{t(T::LandingActivateCta)}</a>
                </p>
            })}
        </section>
        {signed_in}
        <section class="panel">
            <ul class="plain-list">
                <li>{t(T::LandingTrainees)}</li>
                <li>{t(T::LandingInstructors)}</li>
                <li>{t(T::LandingCoordinators)}</li>
            </ul>
        </section>
        <section class="panel" aria-labelledby="tracks-heading">
            <h2 id="tracks-heading">{t(T::LandingTracksTitle)}</h2>
            <ul class="plain-list">
                <li>{t(T::TrackSsw)}</li>
                <li>{t(T::TrackKaigo)}</li>
                <li>{t(T::TrackTitp)}</li>
                <li>{t(T::TrackEpa)}</li>
            </ul>
        </section>
    }
    .into_any()
}

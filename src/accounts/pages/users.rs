use leptos::prelude::*;
use leptos_meta::Title;

use crate::accounts::api::list_users;
use crate::accounts::authz;
use crate::accounts::dto::{AccountStatus, UserFilter, UserList};
use crate::accounts::paths;
use crate::accounts::texts::{status_text, T};
use crate::kernel::i18n::{fill, role_text};
use crate::kernel::Text;
use crate::kernel::{AccountId, Role};
use crate::platform::page::use_page;
use crate::platform::query_string::link;
use crate::ui::guard::{loaded, require};
use crate::ui::nav::Pager;
use crate::ui::texts::Ui;

fn page_link(filter: &UserFilter, page: u64) -> String {
    let filter = UserFilter {
        page: Some(page),
        ..filter.clone()
    };
    link(paths::USERS, &filter)
}

#[component]
pub fn UsersPage() -> impl IntoView {
    if let Err(denied) = require(authz::can_administer_users) {
        return denied;
    }
    let page = use_page();
    let filter: UserFilter = page.filter();
    view! {
        <Title text=page.t(T::UsersTitle)/>
        <div class="page-heading">
            <h1>{page.t(T::UsersTitle)}</h1>
            <a class="button" href=paths::NEW_USER>{page.t(T::UsersNew)}</a>
        </div>
        {loaded(list_users(filter.clone()), move |list| view! { <UserListView list filter/> })}
    }
    .into_any()
}

#[component]
fn UserListView(list: UserList, filter: UserFilter) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let t = move |key: Text| key.get(locale);
    let is_coordinator = page.actor.as_ref().is_some_and(|a| a.role == Role::Coordinator);
    let roles: Vec<Role> = if is_coordinator {
        vec![Role::Trainee]
    } else {
        Role::ALL.to_vec()
    };
    view! {
        <form method="get" action=paths::USERS class="filters" role="search">
            <div class="field">
                <label for="users-q">{t(T::SearchLabel)}</label>
                <input id="users-q" name="q" type="search" value=filter.q.clone() maxlength=100/>
            </div>
            <div class="field">
                <label for="users-role">{t(T::FilterRole)}</label>
                <select id="users-role" name="role">
                    <option value="">{t(Ui::All)}</option>
                    {roles.into_iter().map(|role| view! {
                        <option value=role.as_str() selected=filter.role.as_deref() == Some(role.as_str())>{t(role_text(role))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="users-site">{t(Ui::Site)}</label>
                <select id="users-site" name="site">
                    <option value="">{t(Ui::All)}</option>
                    {list.sites.iter().map(|site| view! {
                        <option value=site.id.to_string() selected=filter.site == Some(site.id)>{site.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="users-status">{t(T::FilterStatus)}</label>
                <select id="users-status" name="status">
                    <option value="">{t(Ui::All)}</option>
                    {AccountStatus::ALL.into_iter().map(|status| view! {
                        <option value=status.as_str() selected=filter.status.as_deref() == Some(status.as_str())>{t(status_text(status))}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t(Ui::ApplyFilters)}</button>
        </form>
        <p class="hint" role="status">{fill(t(T::UsersCount), &[("n", &list.total.to_string())])}</p>
        {if list.items.is_empty() {
            view! { <p>{t(T::NoUsers)}</p> }.into_any()
        } else {
            view! {
                <ul class="record-list">
                    {list.items.into_iter().map(|user| view! {
                        <li class="record">
                            <a href=paths::user(AccountId(user.id)) class="record-title">{user.display_name.clone()}</a>
                            <span class="badge">{t(role_text(user.role))}</span>
                            <span class=format!("badge status-{}", user.status.as_str())>{t(status_text(user.status))}</span>
                            <div class="hint">
                                {user.login.clone()}
                                {user.site.clone().map(|site| view! { " · " {site} })}
                            </div>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Pager page=list.page pages=list.pages link=move |n| page_link(&filter, n)/>
    }
}

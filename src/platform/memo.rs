//! A bounded memory, shared by every request of this process, of values read from the
//! database, each held with the stamp the database gave its rows when they were read.
//!
//! A value is only ever taken back with the stamp the database shows *now* (read by the
//! caller in the statement it needs anyway), so a write on any instance, by any path, makes
//! it stale at once: the memory never has to be told. Stamps are read before the rows they
//! stand for; a value read while a write commits is held under the older stamp and read
//! again by the next request, never the other way round.
//!
//! Each kind of value (its type) has its own keys and its own room: when a kind's room is
//! full, its value used least recently goes, so one kind (a national dashboard's cohorts)
//! never pushes another (the schedules people open every morning) out.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// How many values of each kind the application's memory holds.
pub const CAPACITY: usize = 1_024;

struct Slot {
    stamp: i64,
    value: Arc<dyn Any + Send + Sync>,
    used: AtomicU64,
}

#[derive(Default)]
struct Inner {
    slots: RwLock<HashMap<(TypeId, i64), Slot>>,
    ticks: AtomicU64,
    capacity: usize,
}

/// See the module's documentation. Cloning shares the memory.
#[derive(Clone)]
pub struct Memo(Arc<Inner>);

impl Default for Memo {
    fn default() -> Self {
        Self::with_capacity(CAPACITY)
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo").field("len", &self.len()).finish()
    }
}

impl Memo {
    pub fn with_capacity(capacity: usize) -> Self {
        Self(Arc::new(Inner {
            capacity: capacity.max(1),
            ..Inner::default()
        }))
    }

    /// The value of kind `V` held for `key`, if it was read under `stamp`.
    pub fn get<V: Any + Send + Sync>(&self, key: i64, stamp: i64) -> Option<Arc<V>> {
        let slots = self
            .0
            .slots
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let slot = slots.get(&(TypeId::of::<V>(), key))?;
        if slot.stamp != stamp {
            return None;
        }
        slot.used.store(self.tick(), Ordering::Relaxed);
        Arc::clone(&slot.value).downcast::<V>().ok()
    }

    /// Holds `value` for `key`, read under `stamp`, in place of what was held.
    pub fn put<V: Any + Send + Sync>(&self, key: i64, stamp: i64, value: Arc<V>) {
        let used = AtomicU64::new(self.tick());
        let mut slots = self
            .0
            .slots
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let id = (TypeId::of::<V>(), key);
        if !slots.contains_key(&id)
            && slots.keys().filter(|(kind, _)| *kind == id.0).count() >= self.0.capacity
        {
            let oldest = slots
                .iter()
                .filter(|((kind, _), _)| *kind == id.0)
                .min_by_key(|(_, slot)| slot.used.load(Ordering::Relaxed))
                .map(|(id, _)| *id);
            if let Some(oldest) = oldest {
                slots.remove(&oldest);
            }
        }
        slots.insert(id, Slot { stamp, value, used });
    }

    /// How many values are held.
    pub fn len(&self) -> usize {
        self.0.slots.read().map_or(0, |slots| slots.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn tick(&self) -> u64 {
        self.0.ticks.fetch_add(1, Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_comes_back_only_under_its_stamp() {
        let memo = Memo::default();
        memo.put(7, 41, Arc::new(String::from("week")));
        assert_eq!(
            memo.get::<String>(7, 41).as_deref().map(String::as_str),
            Some("week")
        );
        assert!(memo.get::<String>(7, 42).is_none(), "a newer stamp is a miss");
        assert!(memo.get::<String>(8, 41).is_none());
        assert!(memo.get::<u32>(7, 41).is_none(), "each kind has its own keys");
        memo.put(7, 42, Arc::new(String::from("moved")));
        assert_eq!(
            memo.get::<String>(7, 42).as_deref().map(String::as_str),
            Some("moved")
        );
        assert!(memo.get::<String>(7, 41).is_none(), "the older value is gone");
        assert_eq!(memo.len(), 1);
    }

    #[test]
    fn when_full_the_value_used_least_recently_goes() {
        let memo = Memo::with_capacity(2);
        memo.put(1, 1, Arc::new(1_u32));
        memo.put(2, 1, Arc::new(2_u32));
        assert!(memo.get::<u32>(1, 1).is_some());
        memo.put(3, 1, Arc::new(3_u32));
        assert_eq!(memo.len(), 2);
        assert!(memo.get::<u32>(2, 1).is_none(), "2 was used least recently");
        assert!(memo.get::<u32>(1, 1).is_some());
        assert!(memo.get::<u32>(3, 1).is_some());
    }

    #[test]
    fn one_kind_never_pushes_another_out() {
        let memo = Memo::with_capacity(2);
        memo.put(1, 1, Arc::new(String::from("week")));
        for key in 0..5 {
            memo.put(key, 1, Arc::new(7_u32));
        }
        assert!(
            memo.get::<String>(1, 1).is_some(),
            "the u32s only push each other out"
        );
        assert_eq!(memo.len(), 3);
    }
}

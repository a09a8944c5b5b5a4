//! The preorder index of the organization tree.
//!
//! Every unit gets its preorder position `pre` and the last position `last` of its subtree,
//! so "is A inside B" is `pre[B] <= pre[A] <= last[B]` (O(1)), a subtree is the contiguous
//! run `order[pre[B]..=last[B]]`, and a rollup is one pass over `order` in reverse. Built in
//! O(n) from the parent links, lazily, the first time a query needs it after a change.

/// Marker for "no parent" in the flat parent array.
pub(super) const NO_PARENT: u32 = u32::MAX;

#[derive(Debug, Clone, Default)]
pub(super) struct PreorderIndex {
    /// slot → (preorder position, last preorder position inside its subtree), side by side so
    /// that a containment test touches one cache line per unit.
    pub(super) span: Vec<(u32, u32)>,
    /// preorder position → slot.
    pub(super) order: Vec<u32>,
    /// slot → depth (roots are 0).
    pub(super) depth: Vec<u32>,
    /// CSR offsets: children of slot `s` are `child_list[child_start[s]..child_start[s + 1]]`.
    pub(super) child_start: Vec<u32>,
    /// CSR children, ascending by slot.
    pub(super) child_list: Vec<u32>,
    /// Whether every parent's slot is smaller than its children's (true whenever units were
    /// inserted parent-first): bulk passes can then run over slots directly, sequentially.
    pub(super) topological: bool,
}

fn as_usize(v: u32) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

fn as_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

impl PreorderIndex {
    /// Builds the index from acyclic parent links (`NO_PARENT` for roots).
    pub(super) fn build(parents: &[u32]) -> Self {
        let n = parents.len();
        // Children in CSR form, ascending by slot.
        let mut child_start = vec![0u32; n + 1];
        for &p in parents {
            if let Some(c) = child_start.get_mut(as_usize(p).wrapping_add(1)) {
                *c += 1;
            }
        }
        for i in 1..=n {
            let prev = child_start.get(i - 1).copied().unwrap_or(0);
            if let Some(c) = child_start.get_mut(i) {
                *c += prev;
            }
        }
        let mut fill = child_start.clone();
        let mut child_list = vec![0u32; n];
        for (slot, &p) in parents.iter().enumerate() {
            if let Some(pos) = fill.get_mut(as_usize(p)) {
                if let Some(dst) = child_list.get_mut(as_usize(*pos)) {
                    *dst = as_u32(slot);
                }
                *pos += 1;
            }
        }

        // Iterative preorder from the roots, ascending by slot.
        let mut pre = vec![0u32; n];
        let mut depth = vec![0u32; n];
        let mut order = Vec::with_capacity(n);
        let mut stack: Vec<u32> = parents
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, p)| **p == NO_PARENT)
            .map(|(s, _)| as_u32(s))
            .collect();
        while let Some(s) = stack.pop() {
            let su = as_usize(s);
            if let Some(p) = pre.get_mut(su) {
                *p = as_u32(order.len());
            }
            order.push(s);
            let d = depth.get(su).copied().unwrap_or(0);
            let start = as_usize(child_start.get(su).copied().unwrap_or(0));
            let end = as_usize(child_start.get(su + 1).copied().unwrap_or(0));
            for &c in child_list.get(start..end).unwrap_or_default().iter().rev() {
                if let Some(cd) = depth.get_mut(as_usize(c)) {
                    *cd = d + 1;
                }
                stack.push(c);
            }
        }

        // Subtree sizes by one reverse pass, then last = pre + size - 1.
        let mut size = vec![1u32; n];
        for &s in order.iter().rev() {
            let su = as_usize(s);
            let own = size.get(su).copied().unwrap_or(1);
            if let Some(ps) = parents.get(su).and_then(|&p| size.get_mut(as_usize(p))) {
                *ps += own;
            }
        }
        let span = pre
            .iter()
            .zip(&size)
            .map(|(&p, &sz)| (p, p + sz - 1))
            .collect();

        let topological = parents
            .iter()
            .enumerate()
            .all(|(s, &p)| p == NO_PARENT || as_usize(p) < s);
        Self {
            span,
            order,
            depth,
            child_start,
            child_list,
            topological,
        }
    }

    /// Whether `a` lies in the subtree of `b` (inclusive).
    #[inline]
    pub(super) fn is_within(&self, a: u32, b: u32) -> bool {
        match (self.span.get(as_usize(a)), self.span.get(as_usize(b))) {
            (Some(&(pa, _)), Some(&(pb, lb))) => pb <= pa && pa <= lb,
            _ => false,
        }
    }

    /// The slots of `b`'s subtree in preorder, `b` first.
    pub(super) fn subtree(&self, b: u32) -> &[u32] {
        match self.span.get(as_usize(b)) {
            Some(&(pb, lb)) => self
                .order
                .get(as_usize(pb)..=as_usize(lb))
                .unwrap_or_default(),
            None => &[],
        }
    }

    /// The children of `s`, ascending by slot.
    pub(super) fn children(&self, s: u32) -> &[u32] {
        let su = as_usize(s);
        let start = as_usize(self.child_start.get(su).copied().unwrap_or(0));
        let end = as_usize(self.child_start.get(su + 1).copied().unwrap_or(0));
        self.child_list.get(start..end).unwrap_or_default()
    }
}

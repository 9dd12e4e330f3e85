//! Gradient-boosted trees scored row by row: the second pass's and the glued-chaff cutter's
//! fitted `HistGradientBoostingClassifier`s, read out of scikit-learn and walked here.
//!
//! scikit-learn walks one tree over every row, then the next tree: a page batch's feature
//! matrix (tens of thousands of rows, 80 columns) leaves the cache 300 times. Here each row
//! walks every tree while it is in cache, and the trees (a few hundred kilobytes) stay there.
//! The sums are scikit-learn's to the bit: the baseline, then each tree's leaf in iteration
//! order, in f64, with its rules for a split (`x <= threshold` goes left, NaN goes where the
//! node sends missing values).

/// One node of a tree, children as indices into the forest's nodes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Node {
    threshold: f64,
    value: f64,
    feature: u32,
    left: u32,
    right: u32,
    leaf: bool,
    missing_left: bool,
}

/// A tree's nodes as scikit-learn stores them (`predictor.nodes`): node 0 is the root,
/// children are indices into the same tree.
#[derive(Clone, Debug, Default)]
pub struct TreeNodes {
    pub value: Vec<f64>,
    pub feature: Vec<i64>,
    pub threshold: Vec<f64>,
    pub missing_left: Vec<bool>,
    pub left: Vec<u32>,
    pub right: Vec<u32>,
    pub leaf: Vec<bool>,
}

/// The trees of a binary classifier, one per boosting iteration, and the baseline they add to.
#[derive(Clone, Debug)]
pub struct Forest {
    nodes: Vec<Node>,
    roots: Vec<u32>,
    baseline: f64,
    features: usize,
}

impl Forest {
    /// The forest of `trees`, or why it cannot be one: a child index outside its tree or not
    /// after its parent (so every walk ends), a split on a feature past `features`, columns of
    /// unequal length, an empty tree.
    pub fn new(trees: &[TreeNodes], baseline: f64, features: usize) -> Result<Forest, String> {
        let mut nodes = Vec::with_capacity(trees.iter().map(|t| t.value.len()).sum());
        let mut roots = Vec::with_capacity(trees.len());
        for (t, tree) in trees.iter().enumerate() {
            let n = tree.value.len();
            let columns = [
                tree.feature.len(),
                tree.threshold.len(),
                tree.missing_left.len(),
                tree.left.len(),
                tree.right.len(),
                tree.leaf.len(),
            ];
            if n == 0 || columns.iter().any(|&c| c != n) {
                return Err(format!(
                    "tree {t}: {n} values and node columns of other lengths"
                ));
            }
            let offset = u32::try_from(nodes.len()).map_err(|_| "too many nodes".to_string())?;
            roots.push(offset);
            for i in 0..n {
                let leaf = tree.leaf[i];
                let (left, right) = (tree.left[i] as usize, tree.right[i] as usize);
                let feature = tree.feature[i];
                if !leaf {
                    if left <= i || right <= i || left >= n || right >= n {
                        return Err(format!("tree {t}, node {i}: children {left} and {right}"));
                    }
                    if feature < 0 || feature as usize >= features {
                        return Err(format!("tree {t}, node {i}: feature {feature}"));
                    }
                }
                nodes.push(Node {
                    threshold: tree.threshold[i],
                    value: tree.value[i],
                    feature: if leaf { 0 } else { feature as u32 },
                    left: if leaf { 0 } else { offset + left as u32 },
                    right: if leaf { 0 } else { offset + right as u32 },
                    leaf,
                    missing_left: tree.missing_left[i],
                });
            }
        }
        Ok(Forest {
            nodes,
            roots,
            baseline,
            features,
        })
    }

    /// Columns a row must have.
    pub fn features(&self) -> usize {
        self.features
    }

    /// The raw score (log-odds) of each row of `x`, row-major with `features()` columns:
    /// scikit-learn's `_raw_predict`.
    pub fn raw_predict(&self, x: &[f64]) -> Vec<f64> {
        if self.features == 0 {
            return Vec::new();
        }
        x.chunks_exact(self.features)
            .map(|row| {
                let mut sum = self.baseline;
                for &root in &self.roots {
                    sum += self.leaf(root, row);
                }
                sum
            })
            .collect()
    }

    #[inline]
    fn leaf(&self, root: u32, row: &[f64]) -> f64 {
        let mut node = &self.nodes[root as usize];
        while !node.leaf {
            let x = row[node.feature as usize];
            let left = if x.is_nan() {
                node.missing_left
            } else {
                x <= node.threshold
            };
            node = &self.nodes[if left { node.left } else { node.right } as usize];
        }
        node.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// x0 <= 1.0 (NaN right) ? (x1 <= 0.0 (NaN left) ? -1 : 2) : 5
    fn stump_pair() -> TreeNodes {
        TreeNodes {
            value: vec![0.0, 0.0, 5.0, -1.0, 2.0],
            feature: vec![0, 1, 0, 0, 0],
            threshold: vec![1.0, 0.0, 0.0, 0.0, 0.0],
            missing_left: vec![false, true, false, false, false],
            left: vec![1, 3, 0, 0, 0],
            right: vec![2, 4, 0, 0, 0],
            leaf: vec![false, false, true, true, true],
        }
    }

    fn leaf(value: f64) -> TreeNodes {
        TreeNodes {
            value: vec![value],
            feature: vec![0],
            threshold: vec![0.0],
            missing_left: vec![false],
            left: vec![0],
            right: vec![0],
            leaf: vec![true],
        }
    }

    #[test]
    fn rows_walk_every_tree_from_the_baseline() {
        let forest = Forest::new(&[stump_pair(), leaf(0.5)], 0.25, 2).unwrap();
        let x = [1.0, 0.0, 1.0, 3.0, 7.0, 0.0, f64::NAN, 0.0, 0.0, f64::NAN];
        assert_eq!(forest.raw_predict(&x), vec![-0.25, 2.75, 5.75, 5.75, -0.25]);
    }

    #[test]
    fn the_sum_is_in_iteration_order() {
        // 1e16 + 1 + 1 is 1e16 in f64 when added left to right, 1e16 + 2 otherwise.
        let forest = Forest::new(&[leaf(1.0), leaf(1.0)], 1e16, 1).unwrap();
        assert_eq!(forest.raw_predict(&[0.0]), vec![1e16]);
    }

    #[test]
    fn malformed_trees_are_refused() {
        let mut cycle = stump_pair();
        cycle.left[1] = 0;
        assert!(Forest::new(&[cycle], 0.0, 2).is_err());
        let mut outside = stump_pair();
        outside.right[0] = 9;
        assert!(Forest::new(&[outside], 0.0, 2).is_err());
        assert!(Forest::new(&[stump_pair()], 0.0, 1).is_err());
        let mut short = stump_pair();
        short.leaf.pop();
        assert!(Forest::new(&[short], 0.0, 2).is_err());
        assert!(Forest::new(&[TreeNodes::default()], 0.0, 2).is_err());
    }
}

"""Layouts computed in Python for graphs too large for the browser's physics.

:func:`force_layout` is a Fruchterman-Reingold layout whose all-pairs repulsion is computed on a
grid by FFT convolution (a particle-mesh method), so one iteration costs O(n + m + G^2 log G)
instead of O(n^2): 20,000 nodes lay out in about a second with numpy alone.

Examples
--------
>>> import networkx as nx
>>> pos = layout(nx.path_graph(4), seed=1)
>>> sorted(pos) == [0, 1, 2, 3] and all(len(xy) == 2 for xy in pos.values())
True
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["layout", "force_layout"]


def force_layout(n: int, u: np.ndarray, v: np.ndarray, *, iterations: int = 60, seed: int = 0,
                 grid: int | None = None) -> np.ndarray:
    """Force-directed positions of ``n`` nodes joined by edges ``u[i] - v[i]`` (integer arrays).

    Parameters
    ----------
    n : int
        Number of nodes (numbered 0..n-1).
    u, v : numpy.ndarray
        Edge endpoints.
    iterations : int
        Number of iterations (the temperature cools linearly to zero).
    seed : int
        Seed of the random start.
    grid : int, optional
        Side of the repulsion grid (default: the power of two nearest 1.5 sqrt(n), 32 to 256).

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` positions, centred at 0, with an ideal edge length of about 1.

    Examples
    --------
    >>> xy = force_layout(3, np.array([0, 1]), np.array([1, 2]))
    >>> xy.shape
    (3, 2)
    >>> d01 = np.linalg.norm(xy[0] - xy[1]); d02 = np.linalg.norm(xy[0] - xy[2])
    >>> bool(d02 > d01)
    True
    """
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2))
    pos = rng.uniform(-1.0, 1.0, size=(n, 2)) * np.sqrt(n)
    if n == 1:
        return np.zeros((1, 2))
    u = np.asarray(u, dtype=np.int64)
    v = np.asarray(v, dtype=np.int64)
    keep = u != v
    u, v = u[keep], v[keep]
    g = grid or int(min(256, max(32, 2 ** int(np.round(np.log2(1.5 * np.sqrt(n)))))))
    # unit kernel of the repulsive force k^2 / r (k = 1) on a 2g x 2g periodic grid, in cell units
    off = np.fft.fftfreq(2 * g, d=1.0 / (2 * g))  # 0, 1, ..., g-1, -g, ..., -1
    dx, dy = np.meshgrid(off, off, indexing="ij")
    r2 = dx * dx + dy * dy
    r2[0, 0] = np.inf
    kx_hat = np.fft.rfft2(dx / r2)
    ky_hat = np.fft.rfft2(dy / r2)
    t0 = 0.1 * np.sqrt(n)
    for it in range(iterations):
        temp = t0 * (1.0 - it / iterations) + 1e-3
        lo = pos.min(axis=0)
        span = float((pos.max(axis=0) - lo).max()) * 1.0001 + 1e-9
        cell = span / g
        ij = np.minimum(((pos - lo) / cell).astype(np.int64), g - 1)
        flat = ij[:, 0] * (2 * g) + ij[:, 1]
        density = np.bincount(flat, minlength=4 * g * g).reshape(2 * g, 2 * g)
        d_hat = np.fft.rfft2(density)
        fx = np.fft.irfft2(d_hat * kx_hat, s=density.shape)
        fy = np.fft.irfft2(d_hat * ky_hat, s=density.shape)
        disp = np.empty_like(pos)
        # the kernel is in cell units: force k^2/r with r = cell * |offset|
        disp[:, 0] = fx.ravel()[flat] / cell
        disp[:, 1] = fy.ravel()[flat] / cell
        # attraction along edges: d^2 / k
        if u.size:
            d = pos[v] - pos[u]
            dist = np.sqrt((d * d).sum(axis=1)) + 1e-9
            f = d * dist[:, None]
            disp[:, 0] += np.bincount(u, weights=f[:, 0], minlength=n) - np.bincount(v, weights=f[:, 0], minlength=n)
            disp[:, 1] += np.bincount(u, weights=f[:, 1], minlength=n) - np.bincount(v, weights=f[:, 1], minlength=n)
        # gentle gravity keeps separate components in view
        disp -= 0.05 * pos * (1.0 + np.sqrt((pos * pos).sum(axis=1)) / np.sqrt(n))[:, None]
        length = np.sqrt((disp * disp).sum(axis=1)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
    pos -= np.median(pos, axis=0)
    # pull stragglers (loose nodes flung out by repulsion) back to the edge of the drawing
    r = np.sqrt((pos * pos).sum(axis=1))
    limit = float(np.quantile(r, 0.99)) * 1.05 if n > 20 else float(r.max())
    far = r > limit
    if far.any():
        pos[far] *= (limit / r[far])[:, None]
    return pos


def layout(G: nx.Graph, *, iterations: int = 60, seed: int = 0, scale: float | None = None) -> dict:
    """Positions for every node of ``G``, in screen units for vis-network.

    Parameters
    ----------
    G : networkx.Graph
        Any graph.
    iterations, seed
        See :func:`force_layout`.
    scale : float, optional
        Room per node in pixels: the drawing spans about ``scale * sqrt(n)`` (default 45).

    Returns
    -------
    dict
        node -> ``(x, y)`` floats.
    """
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    m = G.number_of_edges()
    u = np.fromiter((index[a] for a, _ in G.edges()), dtype=np.int64, count=m)
    v = np.fromiter((index[b] for _, b in G.edges()), dtype=np.int64, count=m)
    xy = force_layout(len(nodes), u, v, iterations=iterations, seed=seed)
    # give each node about spacing^2 of room, whatever the graph's density
    spacing = scale or 45.0
    span = float(np.sqrt((xy.max(axis=0) - xy.min(axis=0)).prod())) if len(nodes) > 1 else 1.0
    xy *= spacing * np.sqrt(len(nodes)) / max(span, 1e-9)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy)}

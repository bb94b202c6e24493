// partnermap explorer: the register's network, drawn by Cytoscape.js at the positions Graphviz gave
// it, with search, filters, a date slider, focus and the view kept in the URL's fragment.
// Register text only ever reaches the page as text (textContent, canvas labels): never as markup.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('pm-data').textContent);
  var V = D.vocab;
  var FILTERS = [
    // key in the fragment, label, the choices' words, the choices' keys (as the fragment spells them)
    ['theme', 'Theme', V.themes, V.theme_ids],
    ['unit', V.unit_word, V.units, V.unit_ids],
    ['nature', 'Nature', V.natures, V.natures],
    ['role', "Council's role", V.roles, ['lead', 'support', 'observer', 'none']],
    ['sector', 'Sector', V.sectors, V.sectors],
    ['risk', 'Risk', V.risks, ['high', 'medium', 'low', 'none']],
    ['finding', 'Review finding', V.findings, V.finding_codes]
  ];
  var state = {};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }

  // The page's parts.
  var header = add(document.body, el('header'));
  add(header, el('h1', {}, D.title));
  add(header, el('p', { 'class': 'pm-sub' }, 'Figures as at ' + D.at + '. Laid out by Graphviz (' + D.engine +
    '), as the briefing\u2019s diagrams are. Click anything for its details; scroll to zoom, drag to move.'));
  D.notes.forEach(function (n) { add(header, el('p', { 'class': 'pm-note' }, n)); });

  var bar = add(document.body, el('form', { id: 'pm-controls', 'aria-label': 'Search and filters' }));
  bar.addEventListener('submit', function (ev) { ev.preventDefault(); });
  var searchBox = add(bar, el('div', { 'class': 'pm-search' }));
  add(searchBox, el('label', { 'for': 'pm-search' }, 'Find'));
  var search = add(searchBox, el('input', { id: 'pm-search', type: 'search', autocomplete: 'off', placeholder: 'a partnership, partner or unit' }));
  var suggest = add(searchBox, el('ul', { id: 'pm-suggest', role: 'listbox' }));

  var selects = {};
  FILTERS.forEach(function (f) {
    var box = add(bar, el('div', { 'class': 'pm-filter' }));
    add(box, el('label', { 'for': 'pm-f-' + f[0] }, f[1]));
    var s = add(box, el('select', { id: 'pm-f-' + f[0] }));
    add(s, el('option', { value: '' }, 'all'));
    f[2].forEach(function (words, i) { add(s, el('option', { value: f[3][i] }, words)); });
    s.addEventListener('change', function () { state[f[0]] = s.value; update(); });
    selects[f[0]] = s;
  });

  var timeBox = add(bar, el('div', { 'class': 'pm-time' }));
  add(timeBox, el('label', { 'for': 'pm-month' }, 'Month'));
  var slider = add(timeBox, el('input', { id: 'pm-month', type: 'range', min: '0', max: String(D.months.length - 1), step: '1' }));
  var monthLabel = add(timeBox, el('output', { id: 'pm-month-label', 'for': 'pm-month' }));
  slider.addEventListener('input', function () { state.month = D.months[+slider.value][0].slice(0, 7); update(); });

  var viewBox = add(bar, el('div', { 'class': 'pm-filter' }));
  add(viewBox, el('label', { 'for': 'pm-colour' }, 'Colour by'));
  var colour = add(viewBox, el('select', { id: 'pm-colour' }));
  add(colour, el('option', { value: '' }, 'kind (as the diagrams)'));
  add(colour, el('option', { value: 'cluster' }, 'cluster'));
  colour.addEventListener('change', function () { state.colour = colour.value; update(); });

  var focusBox = add(bar, el('div', { 'class': 'pm-filter' }));
  add(focusBox, el('label', { 'for': 'pm-depth' }, 'Focus depth'));
  var depth = add(focusBox, el('select', { id: 'pm-depth' }));
  add(depth, el('option', { value: '1' }, '1 step'));
  add(depth, el('option', { value: '2' }, '2 steps'));
  depth.addEventListener('change', function () { state.depth = depth.value; update(); });
  var clear = add(bar, el('button', { id: 'pm-clear', type: 'button' }, 'Show everything'));
  clear.addEventListener('click', function () { state = {}; search.value = ''; update(); cy.fit(undefined, 30); });
  var counter = add(bar, el('p', { id: 'pm-count', 'aria-live': 'polite' }));

  var main = add(document.body, el('main'));
  var canvas = add(main, el('div', { id: 'pm-cy', role: 'img', 'aria-label': 'The partnership network' }));
  var side = add(main, el('aside', { id: 'pm-side' }));
  var details = add(side, el('section', { id: 'pm-details', 'aria-live': 'polite' }));
  add(details, el('p', {}, 'Click a partnership, partner or ' + V.unit_word + ' for its details.'));
  var legend = add(side, el('section', { id: 'pm-legend' }));

  // The graph.
  var KIND_WORDS = { p: 'Partnership', o: 'Organisation', u: V.unit_word, P: 'Partnerships (a group)', O: 'Organisations (a group)' };
  var SHAPES = { box: 'round-rectangle', rect: 'rectangle', rectangle: 'rectangle', ellipse: 'ellipse', oval: 'ellipse',
    tab: 'tag', folder: 'tag', hexagon: 'hexagon', octagon: 'octagon', doubleoctagon: 'octagon', diamond: 'diamond',
    box3d: 'round-rectangle', component: 'rectangle' };
  function borderStyle(s) { return /dotted/.test(s) ? 'dotted' : /dashed/.test(s) ? 'dashed' : /peripheries|double/.test(s) ? 'double' : 'solid'; }
  function key(n) { return n.k + ':' + n.id; }
  var byKey = {};
  var elements = [];
  D.nodes.forEach(function (n, i) {
    byKey[key(n)] = i;
    var cl = n.c >= 0 && D.clusters.list[n.c];
    elements.push({ group: 'nodes', data: { id: 'n' + i, label: n.n, fill: n.f || '#FFFFFF', font: n.fc || '#000000',
      border: n.bc || '#000000', bw: Math.max(0.5, n.bw || 1), bs: borderStyle(n.bs || ''), shape: SHAPES[n.s] || 'ellipse',
      w: Math.max(n.w, 10), h: Math.max(n.h, 10), cf: cl ? cl.colour : '#FFFFFF', k: n.k },
      position: { x: n.x, y: n.y }, classes: 'k-' + n.k });
  });
  D.edges.forEach(function (e, k) {
    elements.push({ group: 'edges', data: { id: 'e' + k, source: 'n' + e[0], target: 'n' + e[1], colour: e[3] || '#777777',
      ls: borderStyle(e[4] || ''), width: Math.min(Math.max(e[5] || 1, 0.5), 12) }, classes: 'l-' + e[2] });
  });

  var cy = cytoscape({
    container: canvas, elements: elements, layout: { name: 'preset' }, minZoom: 0.02, maxZoom: 6,
    hideEdgesOnViewport: D.edges.length > 4000, textureOnViewport: D.nodes.length > 1500,
    pixelRatio: 1,
    style: [
      { selector: 'node', style: { shape: 'data(shape)', 'background-color': 'data(fill)', width: 'data(w)', height: 'data(h)',
        label: 'data(label)', color: 'data(font)', 'font-size': 10, 'font-family': 'Helvetica, Arial, sans-serif',
        'text-wrap': 'wrap', 'text-max-width': 'data(w)', 'text-valign': 'center', 'text-halign': 'center',
        'border-width': 'data(bw)', 'border-color': 'data(border)', 'border-style': 'data(bs)',
        // Labels too small to read are not drawn at all: a zoomed-out picture of two thousand names is ink.
        'min-zoomed-font-size': 5 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'line-style': 'data(ls)',
        'curve-style': 'haystack', opacity: 0.55 } },
      { selector: 'edge.l-x', style: { display: 'none' } },
      { selector: 'edge.l-x.pm-near', style: { display: 'element', opacity: 0.8 } },
      { selector: 'node.pm-cluster', style: { 'background-color': 'data(cf)', color: '#000000' } },
      { selector: '.pm-hidden', style: { display: 'none' } },
      { selector: 'node.pm-faded', style: { opacity: 0.12, label: '', events: 'no' } },
      { selector: 'edge.pm-faded', style: { opacity: 0.05 } },
      { selector: 'node.pm-selected', style: { 'underlay-color': '#CC79A7', 'underlay-opacity': 0.6, 'underlay-padding': 8, 'z-index': 10 } },
      { selector: 'node.pm-focus', style: { 'font-size': 12, 'min-zoomed-font-size': 0, 'z-index': 9 } }
    ]
  });
  cy.fit(undefined, 30);
  // Each element's classes as last set: a slider step then touches only what changes, which keeps a
  // picture of thousands of lines responsive (Cytoscape restyles every element a class is set on).
  var nodeEles = D.nodes.map(function (n, i) { return cy.getElementById('n' + i); });
  var edgeEles = D.edges.map(function (e, k) { return cy.getElementById('e' + k); });
  var classes = {};
  function setClass(ele, i, name, on) {
    var set = classes[name] || (classes[name] = []);
    if (!!set[i] === on) return;
    set[i] = on;
    ele.toggleClass(name, on);
  }

  // Which stop of the slider a fragment's month names; the register's date otherwise.
  function monthStop() {
    if (state.month) for (var i = 0; i < D.months.length; ++i) if (D.months[i][0].slice(0, 7) === state.month) return i;
    return D.at_stop;
  }
  function indexOf(list, value) { var i = list.indexOf(value); return i < 0 ? -2 : i; }

  function partnershipShown(n, day) {
    if (n.st && n.st > day) return false;
    if (n.en && n.en < day) return false;
    if (state.theme && n.th.indexOf(indexOf(V.theme_ids, state.theme)) < 0) return false;
    if (state.unit && n.un.indexOf(indexOf(V.unit_ids, state.unit)) < 0) return false;
    if (state.nature && n.na !== indexOf(V.natures, state.nature)) return false;
    if (state.role && n.ro !== indexOf(FILTERS[3][3], state.role)) return false;
    if (state.risk && n.ri !== indexOf(FILTERS[5][3], state.risk)) return false;
    if (state.finding && n.fi.indexOf(indexOf(V.finding_codes, state.finding)) < 0) return false;
    return true;
  }
  function partnershipFilterSet() { return !!(state.theme || state.unit || state.nature || state.role || state.risk || state.finding); }

  // Works out what is shown: partnerships by the filters and the month; partners and units when a
  // shown partnership draws on them (units stay when no partnership filter is set: their colour is
  // the month's capacity); focus fades what is beyond `depth` steps of the focused node.
  function visibility(stop) {
    var day = D.months[stop][0];
    var shown = D.nodes.map(function (n) {
      if (n.k === 'p') return partnershipShown(n, day);
      if (n.k === 'P') return !state.theme || state.theme === n.id ? (n.act ? n.act[stop] > 0 : true) : false;
      return null;  // decided by their partnerships
    });
    var reached = D.nodes.map(function () { return false; });
    D.edges.forEach(function (e) {
      if (shown[e[0]] === true && shown[e[1]] === null) reached[e[1]] = true;
      if (shown[e[1]] === true && shown[e[0]] === null) reached[e[0]] = true;
    });
    D.nodes.forEach(function (n, i) {
      if (shown[i] !== null) return;
      if (n.k === 'o') shown[i] = reached[i] && (!state.sector || V.sectors[n.se] === state.sector);
      else if (n.k === 'u') shown[i] = (!state.unit || state.unit === n.id) && (reached[i] || !partnershipFilterSet());
      else shown[i] = reached[i];
    });
    if (state.sector) {  // a partnership stays when it has a partner of that sector shown
      var keep = D.nodes.map(function () { return false; });
      D.edges.forEach(function (e) {
        if (shown[e[0]] && shown[e[1]] && D.nodes[e[1]].k === 'o') keep[e[0]] = true;
      });
      D.nodes.forEach(function (n, i) { if (n.k === 'p' && !keep[i]) shown[i] = false; });
    }
    return shown;
  }

  // Nodes within `depth` steps of the focused one, among those shown. The Council is reached but not
  // passed through (it is in nearly every partnership), as in the briefing's neighbourhood diagrams.
  function neighbourhood(start, steps, shown) {
    var adj = D.nodes.map(function () { return []; });
    D.edges.forEach(function (e) {
      if (shown[e[0]] && shown[e[1]]) { adj[e[0]].push(e[1]); adj[e[1]].push(e[0]); }
    });
    var dist = {}; dist[start] = 0;
    var queue = [start];
    while (queue.length) {
      var v = queue.shift();
      if (dist[v] >= steps) continue;
      if (v !== start && isCouncil(v)) continue;
      adj[v].forEach(function (w) { if (dist[w] === undefined) { dist[w] = dist[v] + 1; queue.push(w); } });
    }
    return dist;
  }
  function isCouncil(i) { return !!D.nodes[i].co; }

  function update() {
    var stop = monthStop();
    var shown = visibility(stop);
    var focus = state.focus !== undefined && byKey[state.focus] !== undefined && shown[byKey[state.focus]] ? byKey[state.focus] : null;
    var near = focus !== null ? neighbourhood(focus, +(state.depth || 1), shown) : null;
    var count = 0;
    cy.batch(function () {
      D.nodes.forEach(function (n, i) {
        if (shown[i]) ++count;
        var ele = nodeEles[i];
        setClass(ele, i, 'pm-hidden', !shown[i]);
        setClass(ele, i, 'pm-faded', near !== null && near[i] === undefined);
        setClass(ele, i, 'pm-focus', near !== null && near[i] !== undefined);
        setClass(ele, i, 'pm-cluster', state.colour === 'cluster');
        setClass(ele, i, 'pm-selected', state.sel === key(n));
        if (n.k === 'u' && n.ld && ele.data('fill') !== V.status_colours[n.ld[stop]]) {
          ele.data('fill', V.status_colours[n.ld[stop]]);
          ele.data('font', V.status_fonts[n.ld[stop]]);
        }
      });
      D.edges.forEach(function (e, k) {
        var ele = edgeEles[k], j = D.nodes.length + k;
        var inside = near !== null && near[e[0]] !== undefined && near[e[1]] !== undefined;
        setClass(ele, j, 'pm-hidden', !(shown[e[0]] && shown[e[1]]));
        setClass(ele, j, 'pm-faded', near !== null && !inside);
        setClass(ele, j, 'pm-near', inside);
      });
    });
    slider.value = String(stop);
    monthLabel.textContent = D.months[stop][1] + (stop === D.at_stop ? ' (the register\u2019s date)' : '');
    FILTERS.forEach(function (f) { selects[f[0]].value = state[f[0]] || ''; });
    colour.value = state.colour || '';
    depth.value = state.depth || '1';
    counter.textContent = count + ' of ' + D.nodes.length + ' shown' + (focus !== null ? '; focused on ' + D.nodes[focus].n : '');
    showDetails(state.sel !== undefined ? byKey[state.sel] : undefined, stop);
    drawLegend();
    writeFragment();
  }

  // The view in the URL's fragment: filters, month, colours, focus and selection, by ids, so that a
  // bookmark or a link sent to a colleague opens the same view.
  var FRAGMENT_KEYS = ['theme', 'unit', 'nature', 'role', 'sector', 'risk', 'finding', 'month', 'colour', 'focus', 'depth', 'sel'];
  function writeFragment() {
    var parts = [];
    FRAGMENT_KEYS.forEach(function (k) { if (state[k]) parts.push(k + '=' + encodeURIComponent(state[k])); });
    var text = parts.length ? '#' + parts.join('&') : ' ';
    if (decodeURIComponent(location.hash || ' ') !== decodeURIComponent(text)) history.replaceState(null, '', text === ' ' ? location.pathname + location.search : text);
  }
  function readFragment() {
    state = {};
    (location.hash || '').replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 0) return;
      var k = decodeURIComponent(part.slice(0, eq)), v = decodeURIComponent(part.slice(eq + 1));
      if (FRAGMENT_KEYS.indexOf(k) >= 0) state[k] = v;
    });
  }
  window.addEventListener('hashchange', function () { readFragment(); update(); });

  function row(table, name, value) {
    var tr = add(table, el('tr'));
    add(tr, el('th', { scope: 'row' }, name));
    add(tr, el('td', {}, value));
  }
  function linkTo(parent, i, words) {
    var b = add(parent, el('button', { type: 'button', 'class': 'pm-link' }, words));
    b.addEventListener('click', function () { select(i); });
    return b;
  }
  function showDetails(i, stop) {
    details.textContent = '';
    if (i === undefined) {
      add(details, el('p', {}, 'Click a partnership, partner or ' + V.unit_word + ' for its details.'));
      return;
    }
    var n = D.nodes[i];
    add(details, el('p', { 'class': 'pm-kind' }, KIND_WORDS[n.k]));
    add(details, el('h2', {}, n.n));
    var focus = add(details, el('button', { type: 'button', id: 'pm-focus' }, state.focus === key(n) ? 'Stop focusing' : 'Focus on its neighbourhood'));
    focus.addEventListener('click', function () {
      if (state.focus === key(n)) delete state.focus; else state.focus = key(n);
      update();
    });
    var table = add(details, el('table'));
    if (n.k === 'p') (n.row || []).forEach(function (c) { row(table, c[0], c[1]); });
    if (n.k === 'o') n.fig.forEach(function (c) { row(table, c[0], c[1]); });
    if (n.k === 'u') {
      row(table, 'Partnership time, ' + D.months[stop][1], n.ut[stop]);
      row(table, 'Status', V.status[n.ld[stop]]);
      add(details, el('h3', {}, 'Commitments'));
      var ul = add(details, el('ul'));
      n.cm.forEach(function (c) {
        var li = add(ul, el('li'));
        if (c[0] >= 0) linkTo(li, c[0], c[1]); else li.textContent = c[1];
        add(li, document.createTextNode(': ' + c[2] + ' hours a month' + (c[3] ? ' (' + c[3] + ')' : '')));
      });
    }
    if (n.k === 'P' || n.k === 'O') {
      row(table, 'Stands for', String(n.m));
      if (n.act) row(table, 'Active in ' + D.months[stop][1], String(n.act[stop]));
    }
    if (n.c >= 0) {
      var cl = D.clusters.list[n.c];
      row(table, 'Cluster', (n.c + 1) + ' of ' + D.clusters.list.length + ': mostly ' + cl.theme + ' (' + cl.share + ' of its partnerships)');
    }
    if (n.k === 'o' || n.k === 'p') {
      var around = [];
      D.edges.forEach(function (e) {
        if (e[2] === 'c') return;
        if (e[0] === i) around.push(e[1]); else if (e[1] === i) around.push(e[0]);
      });
      if (around.length) {
        add(details, el('h3', {}, n.k === 'p' ? 'Members and units' : 'Partnerships'));
        var list = add(details, el('ul'));
        around.slice(0, 200).forEach(function (j) { linkTo(add(list, el('li')), j, D.nodes[j].n); });
        if (around.length > 200) add(list, el('li', {}, '\u2026 and ' + (around.length - 200) + ' more'));
      }
    }
  }

  function select(i) {
    state.sel = key(D.nodes[i]);
    update();
    var ele = cy.getElementById('n' + i);
    if (ele.visible()) cy.animate({ center: { eles: ele }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
  }
  cy.on('tap', 'node', function (ev) { select(+ev.target.id().slice(1)); });
  cy.on('tap', function (ev) { if (ev.target === cy) { delete state.sel; update(); } });

  function swatch(parent, fill, words, border) {
    var li = add(parent, el('li'));
    var s = add(li, el('span', { 'class': 'pm-swatch' }));
    s.style.background = fill;
    if (border) s.style.border = border;
    add(li, document.createTextNode(words));
  }
  function drawLegend() {
    legend.textContent = '';
    add(legend, el('h2', {}, 'Key'));
    var ul = add(legend, el('ul'));
    if (state.colour === 'cluster') {
      add(legend, el('p', {}, 'Clusters are the groups the partners form (Louvain, without the Council). How well they match the themes (normalised mutual information, 0 to 1): ' + D.clusters.nmi + '.'));
      D.clusters.list.forEach(function (c, i) {
        if (i < 12) swatch(ul, c.colour, 'Cluster ' + (i + 1) + ': ' + c.p + ' partnerships, ' + c.o + ' partners; mostly ' + c.theme + ' (' + c.share + ')');
      });
      if (D.clusters.list.length > 12) add(ul, el('li', {}, 'Clusters beyond the twelfth are grey.'));
      return;
    }
    [['#0072B2', 'strategic'], ['#56B4E9', 'operational'], ['#E69F00', 'funding'], ['#CC79A7', 'project']].forEach(function (s) {
      swatch(ul, s[0], 'Partnership (rounded box): ' + s[1]);
    });
    swatch(ul, '#000000', 'the Council (its role in a partnership is that box\u2019s border: thick leads, thin supports, dashed observes, dotted not a member)');
    [['#DDDDDD', 'public'], ['#A8E0CD', 'voluntary and community'], ['#FBF4B0', 'private'], ['#FFFFFF', 'other']].forEach(function (s) {
      swatch(ul, s[0], 'Organisation (oval): ' + s[1], '1px solid #000');
    });
    V.status.forEach(function (words, i) { swatch(ul, V.status_colours[i], V.unit_word + ' (tab) in the month shown: ' + words); });
  }

  // Search: suggestions as the officer types, any part of a name, case ignored.
  var names = D.nodes.map(function (n) { return n.n.toLowerCase(); });
  function suggestions() {
    suggest.textContent = '';
    var q = search.value.trim().toLowerCase();
    if (!q) return;
    var hits = [];
    for (var i = 0; i < names.length && hits.length < 8; ++i) if (names[i].indexOf(q) >= 0) hits.push(i);
    if (!hits.length) { add(suggest, el('li', { 'class': 'pm-none' }, 'Nothing of that name')); return; }
    hits.forEach(function (i) {
      var li = add(suggest, el('li', { role: 'option' }));
      var b = add(li, el('button', { type: 'button' }, D.nodes[i].n));
      add(b, el('small', {}, ' ' + KIND_WORDS[D.nodes[i].k]));
      b.addEventListener('click', function () { suggest.textContent = ''; search.value = D.nodes[i].n; select(i); });
    });
  }
  search.addEventListener('input', suggestions);
  search.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') return;
    var first = suggest.querySelector('button');
    if (first) first.click();
  });

  readFragment();
  update();
  window.pmExplorer = {
    cy: cy,
    shown: function () { return cy.nodes().filter(function (n) { return !n.hasClass('pm-hidden'); }).map(function (n) { return D.nodes[+n.id().slice(1)].k + ':' + D.nodes[+n.id().slice(1)].id; }); },
    faded: function () { return cy.nodes('.pm-faded').filter(function (n) { return n.visible(); }).length; }
  };
}());

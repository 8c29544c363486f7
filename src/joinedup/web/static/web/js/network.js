// The network picture on an alert page: children and the entities that link them, drawn with the
// vendored cytoscape.js from the JSON in <script id="network-data" type="application/json">.
// The tables below the picture list the same nodes and links, for screen readers and without JavaScript.
(function () {
  'use strict'
  var container = document.querySelector('[data-network-picture]')
  var source = document.getElementById('network-data')
  if (!container || !source || typeof window.cytoscape !== 'function') {
    return
  }
  var data = JSON.parse(source.textContent)
  container.hidden = false
  container.setAttribute('aria-hidden', 'true') // the tables are the accessible version
  container.style.border = '1px solid #b1b4b6'
  container.style.height = Math.min(640, 260 + 40 * data.nodes.length) + 'px'
  // A large network (a big alert) stays responsive: while zooming and panning, draw a snapshot and leave
  // out the lines; labels appear only when they are large enough to read (benchmarks/network_picture.py).
  var large = data.nodes.length > 150
  window.joinedupNetwork = window.cytoscape({
    container: container,
    elements: data.nodes.concat(data.edges),
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
    wheelSensitivity: 0.3,
    minZoom: 0.3,
    maxZoom: 1.2,
    // Entities in the middle, the children around them.
    layout: {
      name: 'concentric',
      animate: false,
      padding: 50,
      minNodeSpacing: 90,
      concentric: function (node) { return node.data('kind') === 'entity' ? 2 : 1 },
      levelWidth: function () { return 1 }
    },
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-family': 'arial, sans-serif',
          'font-size': 13,
          color: '#0b0c0c',
          'text-valign': 'bottom',
          'text-margin-y': 6,
          'text-wrap': 'wrap',
          'text-max-width': 160,
          'min-zoomed-font-size': large ? 9 : 0,
          width: 34,
          height: 34
        }
      },
      { selector: 'node[kind = "child"]', style: { shape: 'ellipse', 'background-color': '#1d70b8' } },
      { selector: 'node[kind = "entity"]', style: { shape: 'round-rectangle', 'background-color': '#d4351c', width: 40, height: 28 } },
      {
        selector: 'edge',
        style: {
          label: 'data(label)',
          'font-family': 'arial, sans-serif',
          'font-size': 11,
          color: '#505a5f',
          'min-zoomed-font-size': large ? 10 : 0,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.9,
          'text-background-padding': 2,
          'curve-style': 'bezier',
          width: 2,
          'line-color': '#505a5f'
        }
      },
      { selector: ':selected', style: { 'border-width': 4, 'border-color': '#ffdd00', 'line-color': '#0b0c0c' } }
    ]
  })
})()

/* Klartext read-along: an enhancement of the native audio players (the page works without it).
 * - shows the speed control and applies it (playbackRate);
 * - "Mitlesen hervorheben" (a toggle, off by default) highlights the sentence being spoken in the text
 *   above, and the word where timings exist: with the CSS Custom Highlight API where the browser has it,
 *   otherwise by a class on the existing sentence element. Nothing is announced (no live region) and
 *   focus never moves; screen-reader users keep their own reading;
 * - while highlighting is on, each paragraph gets an "Ab hier anhören" button that plays from its
 *   first sentence (keyboard: Tab to it, Enter).
 * Timings come from the reading's .timings.json: units with start/end seconds and the id of the
 * sentence element they belong to.
 */
(function () {
  "use strict";
  var hasHighlights = typeof CSS !== "undefined" && CSS.highlights && typeof Highlight === "function";

  function clearHighlight(state) {
    if (hasHighlights) {
      CSS.highlights.delete("satz");
      CSS.highlights.delete("wort");
    }
    if (state.element) {
      state.element.classList.remove("is-spoken");
    }
    state.element = null;
    state.unit = null;
  }

  function textRange(element, start, end) {
    var node = element.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) {
      return null;
    }
    var length = node.textContent.length;
    var range = document.createRange();
    range.setStart(node, Math.min(start, length));
    range.setEnd(node, Math.min(end, length));
    return range;
  }

  function highlight(state, unit, time) {
    var element = unit && unit.anchor ? document.getElementById(unit.anchor) : null;
    if (!element) {
      clearHighlight(state);
      return;
    }
    if (state.unit !== unit) {
      clearHighlight(state);
      state.unit = unit;
      state.element = element;
      if (hasHighlights) {
        var range = document.createRange();
        range.selectNodeContents(element);
        CSS.highlights.set("satz", new Highlight(range));
      } else {
        element.classList.add("is-spoken");
      }
    }
    if (hasHighlights) {
      var word = wordAt(unit.words || [], time);
      var wordRange = word ? textRange(element, word[2], word[3]) : null;
      if (wordRange) {
        CSS.highlights.set("wort", new Highlight(wordRange));
      } else {
        CSS.highlights.delete("wort");
      }
    }
  }

  // The word being spoken, or in a pause the one just spoken; unit starts are rounded to milliseconds,
  // so right at a unit's start its first word may not have begun yet: then that first word.
  function wordAt(words, time) {
    var current = words.length ? words[0] : null;
    for (var i = 0; i < words.length && words[i][0] <= time; i += 1) {
      current = words[i];
    }
    return current;
  }

  function unitAt(units, time) {
    for (var i = 0; i < units.length; i += 1) {
      if (units[i].start <= time && time < units[i].end) {
        return units[i];
      }
    }
    return null;
  }

  function addPlayButtons(state) {
    var target = document.getElementById(state.target);
    if (!target) {
      return;
    }
    var byAnchor = {};
    state.units.forEach(function (u) { if (u.anchor) { byAnchor[u.anchor] = u; } });
    var seen = [];
    target.querySelectorAll("[id^='satz-'], [id^='ls-'], [id^='lk-']").forEach(function (el) {
      var unit = byAnchor[el.id];
      var block = el.closest("p, li");
      if (!unit || !block || seen.indexOf(block) >= 0) {
        return;
      }
      seen.push(block);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "play-from";
      button.textContent = "Ab hier anhören";
      button.addEventListener("click", function () {
        state.audio.currentTime = unit.start;
        var playing = state.audio.play();
        if (playing) {
          playing.catch(function () { /* refused or interrupted: the player's own button still works */ });
        }
      });
      block.appendChild(document.createTextNode(" "));
      block.appendChild(button);
      state.buttons.push(button);
    });
  }

  function removePlayButtons(state) {
    state.buttons.forEach(function (b) {
      if (b.previousSibling && b.previousSibling.nodeType === Node.TEXT_NODE) {
        b.previousSibling.remove();
      }
      b.remove();
    });
    state.buttons = [];
  }

  function loadTimings(state) {
    if (!state.loading) {
      state.loading = fetch(state.url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { units: [] }; })
        .then(function (data) { state.units = data.units || []; return state.units; })
        .catch(function () { state.units = []; return state.units; });
    }
    return state.loading;
  }

  function setup(player) {
    var audio = player.querySelector("audio");
    var tools = player.querySelector(".player-tools");
    var tempo = player.querySelector(".tempo");
    var follow = player.querySelector(".follow");
    if (!audio || !tools) {
      return;
    }
    var state = {
      audio: audio, url: player.dataset.timings, target: player.dataset.target, units: [], buttons: [],
      element: null, unit: null, on: false, loading: null
    };
    tools.hidden = false;
    tempo.addEventListener("change", function () { audio.playbackRate = parseFloat(tempo.value) || 1; });
    audio.addEventListener("ratechange", function () { tempo.value = String(audio.playbackRate); });
    function update() {
      if (state.on) {
        highlight(state, unitAt(state.units, audio.currentTime), audio.currentTime);
      }
    }
    audio.addEventListener("timeupdate", update);
    audio.addEventListener("seeked", update);
    audio.addEventListener("ended", function () { clearHighlight(state); });
    follow.addEventListener("click", function () {
      state.on = follow.getAttribute("aria-pressed") !== "true";
      follow.setAttribute("aria-pressed", String(state.on));
      if (state.on) {
        loadTimings(state).then(function () {
          // The toggle may have been pressed again while the timings loaded.
          if (state.on && !state.buttons.length) {
            addPlayButtons(state);
            update();
          }
        });
      } else {
        clearHighlight(state);
        removePlayButtons(state);
      }
    });
  }

  document.querySelectorAll(".player[data-timings]").forEach(setup);
}());

/*
 * The Commons case-study widget, version 1 (docs/widget.md). A council's page holds
 *   <div data-commons-widget data-service-area="..." data-tag="..." data-limit="5">
 *     <a href="...">See case studies on Commons</a>
 *   </div>
 * and this script, loaded from Commons, fills each such div with a plain list of links.
 *
 * Rules it keeps, because it runs on other people's sites:
 * - No cookies, no tracking: the API is asked with credentials "omit" and no Referer, and
 *   nothing else is ever requested (no fonts, images, analytics or other sites).
 * - Text from the API only ever becomes DOM text (textContent), never HTML, so a case study's
 *   title cannot run code on a council's site.
 * - No <style> element and no inline style attributes: properties are set through the CSSOM,
 *   which a host's Content-Security-Policy allows. Font and colours are inherited from the host.
 * - Any failure (the API down, a slug nobody uses) leaves the fallback link that was already
 *   in the div, so the host page never shows a broken box.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var commons = new URL(script.src).origin;
  var DEFAULT_LIMIT = 5;
  var MAX_LIMIT = 20;
  var TIMEOUT_MS = 10000;
  // Only a colour, so an attribute cannot smuggle other CSS in.
  var HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

  function limitFrom(value) {
    var limit = parseInt(value, 10);
    if (isNaN(limit) || limit < 1) {
      return DEFAULT_LIMIT;
    }
    return Math.min(limit, MAX_LIMIT);
  }

  function apiAddress(box) {
    var query = new URLSearchParams();
    if (box.dataset.serviceArea) {
      query.set("service_area", box.dataset.serviceArea);
    }
    if (box.dataset.tag) {
      query.set("tag", box.dataset.tag);
    }
    query.set("limit", String(limitFrom(box.dataset.limit)));
    return commons + "/api/v1/case-studies/?" + query.toString();
  }

  // Only http(s) addresses on Commons become links: never javascript: or another site.
  function safeLink(address) {
    try {
      var url = new URL(address, commons);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function textElement(tag, text) {
    var element = document.createElement(tag);
    element.textContent = text;
    return element;
  }

  function itemFor(study, accent) {
    var item = document.createElement("li");
    item.style.margin = "0 0 1em 0";
    var link = textElement("a", study.title);
    link.href = safeLink(study.url) || commons + "/";
    if (accent) {
      link.style.color = accent;
    }
    item.appendChild(link);
    var names = (study.organisations || []).map(function (organisation) {
      return organisation.name;
    });
    if (names.length) {
      var who = textElement("p", names.join(", "));
      who.style.margin = "0.25em 0 0 0";
      who.style.fontSize = "0.9em";
      item.appendChild(who);
    }
    if (study.summary) {
      var summary = textElement("p", study.summary);
      summary.style.margin = "0.25em 0 0 0";
      item.appendChild(summary);
    }
    return item;
  }

  function show(box, studies) {
    var fallback = box.querySelector("a");
    var accent = HEX_COLOUR.test(box.dataset.accent || "") ? box.dataset.accent : "";
    var list = document.createElement("ul");
    list.style.listStyle = "none";
    list.style.margin = "0";
    list.style.padding = "0";
    studies.forEach(function (study) {
      list.appendChild(itemFor(study, accent));
    });
    var more = fallback ? fallback.cloneNode(false) : document.createElement("a");
    more.href = fallback ? fallback.href : commons + "/";
    more.textContent = "More case studies on Commons";
    if (accent) {
      more.style.color = accent;
    }
    var moreLine = document.createElement("p");
    moreLine.style.margin = "0";
    moreLine.appendChild(more);
    box.replaceChildren(list, moreLine);
  }

  function fill(box) {
    if (box.dataset.commonsWidgetState) {
      return; // The script was pasted twice: one list is enough.
    }
    box.dataset.commonsWidgetState = "loading";
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    fetch(apiAddress(box), {
      credentials: "omit",
      mode: "cors",
      referrerPolicy: "no-referrer",
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("Commons answered " + response.status);
        }
        return response.json();
      })
      .then(function (page) {
        var studies = Array.isArray(page.results) ? page.results : [];
        if (!studies.length) {
          throw new Error("No case studies to show");
        }
        show(box, studies);
        box.dataset.commonsWidgetState = "shown";
      })
      .catch(function () {
        // The fallback link stays: the reader can still reach the case studies.
        box.dataset.commonsWidgetState = "fallback";
      })
      .finally(function () {
        if (timer) {
          clearTimeout(timer);
        }
      });
  }

  function fillAll() {
    var boxes = document.querySelectorAll("[data-commons-widget]");
    Array.prototype.forEach.call(boxes, fill);
  }

  // Loaded with async, the script may run before the rest of the host page is parsed.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fillAll);
  } else {
    fillAll();
  }
})();

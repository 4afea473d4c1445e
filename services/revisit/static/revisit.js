/* Revisit H5 page: identity step, questions, minimum-answer-time countdown, submit, result. */
(function () {
  "use strict";

  var app = document.getElementById("app");
  if (!app) return;
  var token = app.getAttribute("data-token");
  var hotline = app.getAttribute("data-hotline") || "";
  var ttl = app.getAttribute("data-ttl") || "30";
  var timeoutMs = parseInt(app.getAttribute("data-timeout-ms") || "15000", 10);
  var NETWORK_ERROR = "网络连接不稳定，请求未完成。请检查网络后点击按钮重试，已填写的答案不会丢失。";
  var $ = function (id) { return document.getElementById(id); };

  var state = { sessionId: null, questions: [], deadline: 0, timer: null, busy: false };

  var HEADINGS = { "step-identity": "#step-identity h2", "step-questions": "#questions-title", "step-done": "#done-title" };

  function show(id) {
    ["step-identity", "step-questions", "step-done"].forEach(function (s) { $(s).hidden = s !== id; });
    window.scrollTo(0, 0);
    var heading = document.querySelector(HEADINGS[id]);
    if (heading) heading.focus();  /* screen readers follow each step */
  }

  /* --- answers survive a reload of the WeChat webview (never the identity data) --- */
  function storeKey() { return state.sessionId ? "revisit-answers:" + state.sessionId : null; }

  function saveAnswers() {
    var key = storeKey();
    if (!key) return;
    try {
      window.sessionStorage.setItem(key, JSON.stringify({ answers: answers(), remark: $("remark").value }));
    } catch (e) { /* storage unavailable: answering still works */ }
  }

  function restoreAnswers() {
    var key = storeKey();
    var saved = null;
    try { saved = key && JSON.parse(window.sessionStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    if (!saved) return;
    (saved.answers || []).forEach(function (a) {
      if (!a.answer) return;
      var input = document.querySelector('input[name="' + a.question_id + '"][value="' + a.answer + '"]');
      if (input) input.checked = true;
    });
    $("remark").value = saved.remark || "";
    $("remark-count").textContent = String($("remark").value.length);
    updateHint();
  }

  function forgetAnswers() {
    var key = storeKey();
    try { if (key) window.sessionStorage.removeItem(key); } catch (e) { /* ignore */ }
  }

  function showError(id, text) {
    var el = $(id);
    el.textContent = text;
    el.hidden = !text;
  }

  function finish(title, message, tone) {
    $("done-title").textContent = title;
    $("done-message").textContent = message;
    var icon = $("done-icon");
    icon.className = "icon " + (tone || "ok");
    icon.textContent = tone === "ok" || !tone ? "✓" : "!";
    $("step-done").setAttribute("data-kind", tone || "ok");
    stopTimer();
    forgetAnswers();
    show("step-done");
  }

  /* a phone's network may hang: every request gives up after ``timeoutMs`` and the button comes back */
  function post(path, body) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, timeoutMs);
    var request = fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body || {}),
      credentials: "same-origin",
      cache: "no-store",
      signal: controller ? controller.signal : undefined,
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        return { ok: res.ok, status: res.status, data: data };
      });
    });
    var deadline = new Promise(function (_, reject) {
      setTimeout(function () { reject(new Error("timeout")); }, timeoutMs + 50);
    });
    return Promise.race([request, deadline]).then(
      function (res) { clearTimeout(timer); return res; },
      function (err) { clearTimeout(timer); throw err; }
    );
  }

  function commonProblem(res, errorId) {
    var code = res.data && res.data.code;
    if (code === "link_expired") {
      finish("链接已过期", "该回访链接已超过" + ttl + "天有效期。您可以通过我司客户服务微信公众号进行自助回访，或致电客服热线" + hotline + "。", "warn");
      return true;
    }
    if (code === "not_found") {
      finish("链接无效", "您访问的回访链接不存在或已失效，请通过微信公众号进行自助回访。", "warn");
      return true;
    }
    if (code === "conflict") {
      var status = res.data.task_status;
      if (status === "completed" || status === "closed") {
        finish("回访已完成", "该保单的电子化回访已经完成，感谢您的支持与配合。", "ok");
      } else {
        finish("回访将由客服电话完成", "该保单的回访将由我司客服人员在工作日9:00-17:30通过电话与您联系，感谢您的配合。", "info");
      }
      return true;
    }
    if (code === "session_locked") {
      showError(errorId, "身份验证失败次数过多，已暂时锁定。请稍后再试，或致电客服热线" + hotline + "。");
      return true;
    }
    if (code === "rate_limited") {
      showError(errorId, "操作过于频繁，请稍后再试。");
      return true;
    }
    return false;
  }

  /* --- identity step --- */
  $("identity-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (state.busy) return;
    var last6 = $("id-last6").value.trim().toUpperCase();
    var birth = $("birth-date").value;
    if (!/^[0-9]{5}[0-9X]$/.test(last6) || !birth) {
      showError("identity-error", "请输入身份证号码后6位（末位可为X）并选择出生日期。");
      return;
    }
    showError("identity-error", "");
    state.busy = true;
    $("identity-submit").disabled = true;
    post("/api/v1/revisit-sessions", { token: token, id_last6: last6, birth_date: birth })
      .then(function (res) {
        if (res.ok) {
          startQuestions(res.data);
          return;
        }
        if (commonProblem(res, "identity-error")) return;
        if (res.data && res.data.code === "identity_mismatch") {
          var left = res.data.attempts_left;
          showError("identity-error", "身份信息与投保人不一致，请核对后重新输入" + (left != null ? "（还可尝试" + left + "次）" : "") + "。");
        } else if (res.data && res.data.code === "validation_error") {
          showError("identity-error", "请输入身份证号码后6位（末位可为X）并选择出生日期。");
        } else {
          showError("identity-error", "系统繁忙，请稍后再试。");
        }
      })
      .catch(function () { showError("identity-error", NETWORK_ERROR); })
      .then(function () { state.busy = false; $("identity-submit").disabled = false; });
  });

  /* --- questions --- */
  function startQuestions(data) {
    state.sessionId = data.session_id;
    state.questions = data.questions;
    $("intro").textContent = data.intro;
    $("min-seconds").textContent = String(data.min_seconds);
    var list = $("question-list");
    list.innerHTML = "";
    data.questions.forEach(function (q, i) {
      var li = document.createElement("li");
      li.className = "card question";
      li.setAttribute("data-qid", q.id);
      var p = document.createElement("p");
      p.className = "qtext";
      p.textContent = (i + 1) + ". " + q.text;
      li.appendChild(p);
      var choices = document.createElement("div");
      choices.className = "choices";
      choices.setAttribute("role", "radiogroup");
      [["yes", "是"], ["no", "否"]].forEach(function (c) {
        var label = document.createElement("label");
        label.className = "choice";
        var input = document.createElement("input");
        input.type = "radio";
        input.name = q.id;
        input.value = c[0];
        input.addEventListener("change", function () { updateHint(); saveAnswers(); });
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + c[1]));
        choices.appendChild(label);
      });
      li.appendChild(choices);
      list.appendChild(li);
    });
    restoreAnswers();
    show("step-questions");
    startTimer(data.seconds_remaining);
  }

  function answers() {
    return state.questions.map(function (q) {
      var checked = document.querySelector('input[name="' + q.id + '"]:checked');
      return { question_id: q.id, answer: checked ? checked.value : null };
    });
  }

  function updateHint() {
    var anyNo = answers().some(function (a) { return a.answer === "no"; });
    var remark = $("remark").value.trim();
    $("no-hint").hidden = !(anyNo || remark);
  }

  $("remark").addEventListener("input", function () {
    $("remark-count").textContent = String($("remark").value.length);
    updateHint();
    saveAnswers();
  });

  /* --- the countdown: "提交" stays disabled until the minimum answer time --- */
  function stopTimer() {
    if (state.timer) { clearInterval(state.timer); state.timer = null; }
  }

  /* the visible countdown is hidden from screen readers; they hear the wait once and "ready" once */
  function announce(text) { $("timer-status").textContent = text; }

  function startTimer(seconds) {
    stopTimer();
    state.deadline = Date.now() + Math.max(0, seconds) * 1000;
    if (seconds > 0) announce("请认真阅读每个问题，答题满" + Math.ceil(seconds) + "秒后可提交。");
    tick();
    state.timer = setInterval(tick, 250);
  }

  function tick() {
    var left = Math.ceil((state.deadline - Date.now()) / 1000);
    var button = $("submit-btn");
    if (left > 0) {
      button.disabled = true;
      button.textContent = "提交（" + left + "秒）";
      $("timer").textContent = "请认真阅读每个问题，" + left + " 秒后可提交";
      $("timer").className = "timer waiting";
    } else {
      stopTimer();
      button.disabled = state.busy;
      button.textContent = "提交";
      $("timer").textContent = "已满足最短答题时间，请确认答案后提交";
      $("timer").className = "timer ready";
      announce("已满足最短答题时间，可以提交。");
    }
  }

  $("questions-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (state.busy || $("submit-btn").disabled) return;
    var list = answers();
    var missing = list.filter(function (a) { return !a.answer; });
    if (missing.length) {
      showError("submit-error", "请回答全部问题后再提交（还有" + missing.length + "题未作答）。");
      return;
    }
    showError("submit-error", "");
    var remark = $("remark").value.trim();
    state.busy = true;
    $("submit-btn").disabled = true;
    post("/api/v1/revisit-sessions/" + encodeURIComponent(state.sessionId) + "/submit", {
      answers: list,
      remark: remark ? remark : null,
    })
      .then(function (res) {
        if (res.ok) {
          if (res.data.outcome === "completed") {
            finish("电子回访已完成", "感谢您的支持与配合。", "ok");
          } else {
            finish("回访已提交，待电话确认", res.data.message, "info");
          }
          return;
        }
        if (commonProblem(res, "submit-error")) return;
        if (res.data && res.data.code === "answered_too_fast") {
          var wait = res.data.seconds_remaining || 1;
          showError("submit-error", "答题时间过短，请认真阅读每个问题，" + wait + "秒后可再次提交。");
          state.busy = false;
          startTimer(wait);
          return;
        }
        if (res.data && res.data.code === "validation_error") {
          showError("submit-error", "请检查您的答案：每题须选择“是”或“否”，备注不超过200字。");
        } else {
          showError("submit-error", "系统繁忙，请稍后再试。");
        }
      })
      .catch(function () { showError("submit-error", NETWORK_ERROR); })
      .then(function () {
        state.busy = false;
        if (!state.timer) $("submit-btn").disabled = false;
      });
  });

  $("abort-btn").addEventListener("click", function () {
    if (state.busy) return;
    if (!window.confirm("确定中止回访吗？中止后我司将通过电话与您联系。")) return;
    state.busy = true;
    post("/api/v1/revisit-sessions/" + encodeURIComponent(state.sessionId) + "/abort", {})
      .then(function (res) {
        if (res.ok) {
          finish("已中止回访", res.data.message, "info");
          return;
        }
        if (!commonProblem(res, "submit-error")) showError("submit-error", "系统繁忙，请稍后再试。");
      })
      .catch(function () { showError("submit-error", NETWORK_ERROR); })
      .then(function () { state.busy = false; });
  });
})();

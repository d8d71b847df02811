/**
 * The petitioner's page: a form for the case number and query code, and the answer below it.
 * Chinese first, English beside. The script only sets text (never HTML), and runs from its own URL so
 * the page's Content-Security-Policy allows no inline script.
 */
export const PROGRESS_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>信访事项办理进度查询 / Petition progress</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
  h1 { font-size: 1.4rem; }
  label { display: block; margin: .8rem 0 .2rem; }
  input[type=radio] { width: auto; }
  input { font-size: 1.1rem; padding: .4rem; width: 100%; box-sizing: border-box; }
  button { margin-top: 1rem; font-size: 1rem; padding: .5rem 1.2rem; }
  .en { color: #666; font-size: .9em; }
  #error { color: #b00020; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
  dt { font-weight: bold; }
  li { margin: .3rem 0; }
</style>
</head>
<body>
<h1>信访事项办理进度查询 <span class="en">/ Petition progress query</span></h1>
<p>请输入受理告知书上的案件编号和查询码。<span class="en">Enter the case number and query code printed on your acceptance notice.</span></p>
<form id="query">
  <label for="caseNumber">案件编号 <span class="en">/ case number</span></label>
  <input id="caseNumber" name="caseNumber" required maxlength="64" autocomplete="off">
  <label for="queryCode">查询码 <span class="en">/ query code</span></label>
  <input id="queryCode" name="queryCode" required maxlength="32" autocomplete="off">
  <button type="submit">查询 <span class="en">/ Search</span></button>
</form>
<p id="error" role="alert"></p>
<section id="result" hidden>
  <h2>办理情况 <span class="en">/ Progress</span></h2>
  <dl>
    <dt>当前状态 <span class="en">/ status</span></dt><dd id="status"></dd>
    <dt>收到日期 <span class="en">/ received</span></dt><dd id="receivedOn"></dd>
  </dl>
  <h3>期限 <span class="en">/ deadlines</span></h3>
  <ul id="deadlines"></ul>
  <h3>书面告知 <span class="en">/ written notices</span></h3>
  <ul id="notices"></ul>
  <section id="rating" hidden>
    <h3>满意度评价 <span class="en">/ rate the reply</span></h3>
    <p id="ratingStatus"></p>
    <form id="rate" hidden>
      <label><input type="radio" name="satisfaction" value="satisfied" required> 满意 <span class="en">/ satisfied</span></label>
      <label><input type="radio" name="satisfaction" value="basicallySatisfied"> 基本满意 <span class="en">/ basically satisfied</span></label>
      <label><input type="radio" name="satisfaction" value="dissatisfied"> 不满意 <span class="en">/ dissatisfied</span></label>
      <label for="comment">评价意见（可不填）<span class="en">/ comment (optional)</span></label>
      <textarea id="comment" name="comment" maxlength="500" rows="3" style="width:100%"></textarea>
      <button type="submit">提交评价 <span class="en">/ Submit rating</span></button>
    </form>
  </section>
</section>
<script src="progress.js"></script>
</body>
</html>
`;

export const PROGRESS_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('query');
  var error = document.getElementById('error');
  var result = document.getElementById('result');
  function item(text, child) {
    var li = document.createElement('li');
    li.textContent = text;
    if (child) li.appendChild(child);
    return li;
  }
  function fill(list, items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (entry) { list.appendChild(entry); });
  }
  function credentials() {
    return { caseNumber: form.caseNumber.value.trim(), queryCode: form.queryCode.value.trim() };
  }
  function download(notice) {
    fetch('public/progress/notices/' + encodeURIComponent(notice.id) + '.pdf', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials())
    }).then(function (response) {
      if (!response.ok) throw new Error('下载失败 / download failed');
      return response.blob();
    }).then(function (blob) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = notice.title + '.pdf';
      link.click();
    }).catch(function (e) { error.textContent = e.message; });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.textContent = '';
    result.hidden = true;
    fetch('public/progress', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials())
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.message || ('HTTP ' + response.status));
        return body;
      });
    }).then(function (progress) {
      document.getElementById('status').textContent = progress.status.label;
      document.getElementById('receivedOn').textContent = progress.receivedOn;
      fill(document.getElementById('deadlines'), progress.deadlines.length
        ? progress.deadlines.map(function (d) { return item(d.label + '：' + d.lastDay); })
        : [item('无 / none')]);
      fill(document.getElementById('notices'), progress.notices.length
        ? progress.notices.map(function (n) {
            var button = document.createElement('button');
            button.type = 'button';
            button.textContent = '下载 / download';
            button.addEventListener('click', function () { download(n); });
            return item(n.title + '（' + n.issuedOn + '） ', button);
          })
        : [item('暂无 / none yet')]);
      showRating(progress.rating);
      result.hidden = false;
    }).catch(function (e) { error.textContent = e.message; });
  });
  var rating = document.getElementById('rating');
  var rate = document.getElementById('rate');
  function showRating(state) {
    rating.hidden = !state;
    if (!state) return;
    document.getElementById('ratingStatus').textContent = state.label;
    rate.hidden = state.status !== 'open';
  }
  rate.addEventListener('submit', function (event) {
    event.preventDefault();
    error.textContent = '';
    var chosen = rate.querySelector('input[name="satisfaction"]:checked');
    if (!chosen) { error.textContent = '请选择评价 / choose an answer'; return; }
    var body = credentials();
    body.satisfaction = chosen.value;
    var comment = rate.comment.value.trim();
    if (comment) body.comment = comment;
    fetch('public/progress/rating', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (answer) {
        // Recorded now, or already rated (at the counter or online): either way the form is done.
        if (response.ok || answer.code === 'SATISFACTION_ALREADY_RECORDED') {
          showRating({ status: 'rated', label: answer.message });
          return;
        }
        throw new Error(answer.message || ('HTTP ' + response.status));
      });
    }).catch(function (e) { error.textContent = e.message; });
  });
})();
`;

// The matrix as a web page: one file with its styles and script inline, so it opens from an email
// or a USB stick with no network, and prints on A3 landscape.
#include <ostream>

#include "escape.h"
#include "matrix_write.h"

namespace partnermap::render {

namespace {

std::string cell_html(const std::string& text) {
  // Several lines (findings, indicators) read as lines, not as one run-on paragraph.
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    out += html_escape(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    out += "<br>";
    start = nl + 1;
  }
  return out;
}

}  // namespace

const char* matrix_table_css() {
  return R"CSS(
.pm-controls{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;margin:.5em 0}
.pm-controls label{font-size:.9em}
.pm-wrap{overflow-x:auto}
table.pm-matrix{border-collapse:collapse;font-size:.8em;width:100%}
table.pm-matrix th,table.pm-matrix td{border:1px solid #bbb;padding:.25em .4em;vertical-align:top;text-align:left}
table.pm-matrix thead th{background:#e8eef4;position:sticky;top:0}
table.pm-matrix th button{all:unset;cursor:pointer;font-weight:bold}
table.pm-matrix th button:focus{outline:2px solid #0072B2}
table.pm-matrix th[aria-sort=ascending] button::after{content:" \25B2"}
table.pm-matrix th[aria-sort=descending] button::after{content:" \25BC"}
table.pm-matrix td.num{text-align:right;white-space:nowrap}
table.pm-matrix td.tick,table.pm-matrix th.tick{text-align:center}
table.pm-matrix th.tick{writing-mode:vertical-rl;transform:rotate(180deg);min-width:1.6em}
table.pm-matrix tbody tr:nth-child(even){background:#f6f6f6}
table.pm-matrix td.findings{min-width:16em}
table.pm-matrix td.date{white-space:nowrap}
table.pm-matrix td.name{min-width:11em;font-weight:600}
@media print{
 @page{size:A3 landscape;margin:10mm}
 .pm-controls{display:none}
 .pm-wrap{overflow:visible}
 table.pm-matrix{font-size:7.5pt}
 table.pm-matrix thead th{position:static}
 table.pm-matrix tr{break-inside:avoid}
}
)CSS";
}

const char* matrix_table_script() {
  // Sorting by a heading and filtering by text and role; nothing is fetched, nothing is evaluated.
  return R"JS(
(function(){
function cellKey(td){var s=td.getAttribute('data-sort');if(s!==null&&s!=='')return parseFloat(s);return td.textContent.toLowerCase();}
document.querySelectorAll('table.pm-matrix').forEach(function(table){
 var body=table.tBodies[0];var heads=table.tHead.rows[0].cells;
 Array.prototype.forEach.call(heads,function(th,col){
  var b=th.querySelector('button');if(!b)return;
  b.addEventListener('click',function(){
   var asc=th.getAttribute('aria-sort')!=='ascending';
   Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
   th.setAttribute('aria-sort',asc?'ascending':'descending');
   var rows=Array.prototype.slice.call(body.rows);
   rows.sort(function(a,b){var x=cellKey(a.cells[col]),y=cellKey(b.cells[col]);
    var xe=(x===''||x!==x),ye=(y===''||y!==y);if(xe!==ye)return xe?1:-1;
    if(x<y)return asc?-1:1;if(x>y)return asc?1:-1;return 0;});
   rows.forEach(function(r){body.appendChild(r);});
  });
 });
 var box=document.getElementById(table.id+'-controls');if(!box)return;
 var text=box.querySelector('input'),selects=box.querySelectorAll('select'),count=box.querySelector('output');
 function apply(){var q=text.value.toLowerCase(),shown=0;
  Array.prototype.forEach.call(body.rows,function(r){var ok=q===''||r.textContent.toLowerCase().indexOf(q)>=0;
   Array.prototype.forEach.call(selects,function(s){if(s.value!==''&&(' '+r.getAttribute('data-'+s.name)+' ').indexOf(' '+s.value+' ')<0)ok=false;});
   r.hidden=!ok;if(ok)shown++;});
  count.textContent=shown+' of '+body.rows.length+' shown';}
 text.addEventListener('input',apply);
 Array.prototype.forEach.call(selects,function(s){s.addEventListener('change',apply);});
 apply();
});
})();
)JS";
}

void write_matrix_table_html(const Matrix& m, const std::string& id, std::ostream& out) {
  const std::string tid = html_escape(id);
  out << "<div class=\"pm-controls\" id=\"" << tid << "-controls\">"
      << "<label>Find <input type=\"search\" placeholder=\"any text\"></label>"
      << "<label>Council role <select name=\"role\"><option value=\"\">any</option>"
      << "<option>lead</option><option>support</option><option>observer</option><option value=\"none\">not a member</option></select></label>"
      << "<label>Nature <select name=\"nature\"><option value=\"\">any</option>"
      << "<option>strategic</option><option>operational</option><option>funding</option><option>project</option></select></label>"
      << "<label>" << html_escape(capitalised(m.theme_word)) << " <select name=\"themes\"><option value=\"\">any</option>";
  std::vector<std::size_t> theme_cols;
  for (std::size_t c = 0; c < m.columns.size(); ++c)
    if (m.columns[c].kind == ColumnKind::tick) {
      theme_cols.push_back(c);
      out << "<option value=\"t" << theme_cols.size() - 1 << "\">" << html_escape(m.columns[c].title) << "</option>";
    }
  out << "</select></label><output aria-live=\"polite\"></output></div>\n";
  out << "<div class=\"pm-wrap\"><table class=\"pm-matrix\" id=\"" << tid << "\">\n<thead><tr>";
  for (const MatrixColumn& c : m.columns) {
    out << "<th scope=\"col\"" << (c.kind == ColumnKind::tick ? " class=\"tick\"" : "") << "><button type=\"button\" title=\"Sort by this column\">"
        << html_escape(c.title) << "</button></th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  const auto role_col = column_index(m, "role");
  const auto nature_col = column_index(m, "nature");
  for (const MatrixRow& row : m.rows) {
    std::string role = role_col ? row.cells[*role_col].text : "";
    if (role == "not a member") role = "none";
    std::string themes;
    for (std::size_t k = 0; k < theme_cols.size(); ++k)
      if (row.cells[theme_cols[k]].number.value_or(0) > 0) themes += (themes.empty() ? "t" : " t") + std::to_string(k);
    out << "<tr data-role=\"" << html_escape(role) << "\" data-nature=\"" << html_escape(nature_col ? row.cells[*nature_col].text : "")
        << "\" data-themes=\"" << themes << "\">";
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const MatrixColumn& col = m.columns[c];
      const MatrixCell& cell = row.cells[c];
      const bool num = col.kind == ColumnKind::number || col.kind == ColumnKind::money;
      out << "<td";
      if (num) out << " class=\"num\"";
      if (col.kind == ColumnKind::tick) out << " class=\"tick\"";
      if (col.kind == ColumnKind::date) out << " class=\"date\"";
      if (col.key == "name") out << " class=\"name\"";
      if (col.key == "findings") out << " class=\"findings\"";
      if (cell.number) out << " data-sort=\"" << (num ? cell.text : std::to_string(static_cast<long long>(*cell.number))) << "\"";
      out << '>' << cell_html(display_text(col, cell)) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";
}

void write_matrix_html(const Matrix& m, std::ostream& out) {
  const std::string title = "Partnerships matrix: " + m.council;
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>\n"
      << "body{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;margin:1.5em;color:#111}\n"
      << "h1{font-size:1.4em;margin:0 0 .2em}\n" << matrix_table_css() << "</style>\n</head>\n<body>\n"
      << "<h1>" << html_escape(title) << "</h1>\n<p>As at " << html_escape(long_date(m.at)) << ": " << m.rows.size()
      << " of " << m.total_partnerships << " partnerships";
  for (const std::string& f : m.filters) out << "; " << html_escape(f);
  out << ". Select a column heading to sort by it.</p>\n";
  write_matrix_table_html(m, "matrix", out);
  out << "<script>" << matrix_table_script() << "</script>\n</body>\n</html>\n";
}

}  // namespace partnermap::render

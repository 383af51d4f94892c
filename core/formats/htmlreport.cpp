#include "htmlreport.h"

#include "countrynames.h"
#include "model/document.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>
#include <vector>

namespace annotator {

namespace {

// The CSS class of a type: built-in types by name, user types numbered.
QString typeClass(const QString &type, const QList<AnnotationType> &types)
{
    if (type == Types::Speaker)
        return QStringLiteral("spk");
    if (type == Types::Country)
        return QStringLiteral("cty");
    if (type == Types::Event)
        return QStringLiteral("evt");
    if (type == Types::Quote)
        return QStringLiteral("quo");
    for (qsizetype i = 0; i < types.size(); ++i) {
        if (types[i].name == type)
            return QStringLiteral("u%1").arg(i);
    }
    return QStringLiteral("other");
}

bool validColor(const QString &c)
{
    if (c.size() != 7 || c.at(0) != u'#')
        return false;
    for (qsizetype i = 1; i < 7; ++i) {
        if (!QStringLiteral("0123456789abcdefABCDEF").contains(c.at(i)))
            return false;
    }
    return true;
}

} // namespace

QString HtmlReport::escape(const QString &s)
{
    QString out;
    out.reserve(s.size() + s.size() / 8);
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'"':
            out += QStringLiteral("&quot;");
            break;
        case u'\'':
            out += QStringLiteral("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

ExportResult HtmlReport::write(const Document &doc, const AnnotationData &data)
{
    ExportResult result;
    const QList<Annotation> list = data.exported();
    const EntityIndex entities(data.entities);
    // Mentions and quotes of each entity, in one pass.
    QHash<QString, QList<const Annotation *>> mentionsOf;
    QHash<QString, QStringList> quotesOf;
    for (const Annotation &a : list) {
        if (!a.entity.isEmpty())
            mentionsOf[a.entity].append(&a);
        if (!a.saidBy.isEmpty() && a.type == Types::Quote)
            quotesOf[a.saidBy].append(a.text);
    }
    const QString title = doc.name().isEmpty() ? QStringLiteral("Article") : doc.name();
    QString out;
    // The policy comes first in <head>, before anything it must govern: even
    // if some text escaped the escaping, the browser would run no script,
    // load nothing from anywhere and submit no form. Only the report's own
    // inline style is allowed.
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"") + QLatin1String(ContentSecurityPolicy)
        + QStringLiteral("\">\n<title>") + escape(title)
        + QStringLiteral(" – Article Annotator report</title>\n<style>\n"
                         "body{font-family:Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222;background:#fff}\n"
                         "h1,h2{font-family:sans-serif}\n.article{white-space:pre-wrap;border:1px solid #ccc;padding:1em;border-radius:4px}\n"
                         ".quo{background:#fff3a0}\n.spk{background:#c9dcff;font-weight:bold}\n.cty{border-bottom:3px solid #2ea85a}\n"
                         ".evt{outline:2px dotted #e07b00}\n.other{text-decoration:underline wavy #888}\n"
                         ".legend span{margin-right:1em;padding:0 .3em}\ntable{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}\n");
    for (qsizetype i = 0; i < data.types.size(); ++i) {
        const QString color = data.types[i].color;
        out += QStringLiteral(".u%1{background:%2}\n").arg(i).arg(validColor(color) ? color : QStringLiteral("#e0e0e0"));
    }
    out += QStringLiteral("@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}.quo{background:#5a5220}.spk{background:#27406e}}\n"
                          "</style>\n</head>\n<body>\n<h1>")
        + escape(title) + QStringLiteral("</h1>\n<p class=\"legend\">Legend: <span class=\"spk\">Speaker</span><span class=\"quo\">Quote</span>"
                                         "<span class=\"cty\">Country</span><span class=\"evt\">Event</span>");
    for (const AnnotationType &t : data.types)
        out += QStringLiteral("<span class=\"%1\">%2</span>").arg(typeClass(t.name, data.types), escape(t.name));
    out += QStringLiteral("</p>\n<div class=\"article\">");

    // Cut the text at every annotation edge; each piece carries the classes
    // of the annotations covering it, so overlaps need no nesting.
    std::vector<qint64> cuts{0, doc.length()};
    for (const Annotation &a : list) {
        cuts.push_back(std::clamp<qint64>(a.start, 0, doc.length()));
        cuts.push_back(std::clamp<qint64>(a.end, 0, doc.length()));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    // Sweep: annotations sorted by start; active set per piece.
    size_t next = 0;
    std::vector<const Annotation *> active;
    for (size_t k = 0; k + 1 < cuts.size(); ++k) {
        const qint64 s = cuts[k], e = cuts[k + 1];
        while (next < size_t(list.size()) && list[qsizetype(next)].start <= s) {
            active.push_back(&list[qsizetype(next)]);
            ++next;
        }
        active.erase(std::remove_if(active.begin(), active.end(), [&](const Annotation *a) { return a->end <= s; }), active.end());
        const QString piece = escape(doc.slice(s, e));
        if (active.empty()) {
            out += piece;
            continue;
        }
        QStringList classes;
        QStringList titles;
        for (const Annotation *a : active) {
            const QString c = typeClass(a->type, data.types);
            if (!classes.contains(c))
                classes.append(c);
            QString t = a->type;
            if (a->attributes.contains(Attr::Code))
                t += u' ' + a->attributes.value(Attr::Code);
            if (const Entity *en = entities.find(a->entity.isEmpty() ? a->saidBy : a->entity))
                t += QStringLiteral(": ") + en->name;
            titles.append(t);
        }
        out += QStringLiteral("<span class=\"%1\" title=\"%2\">%3</span>").arg(classes.join(u' '), escape(titles.join(QStringLiteral("; "))), piece);
    }
    out += QStringLiteral("</div>\n");

    // Speakers with their quotes.
    out += QStringLiteral("<h2>Speakers</h2>\n");
    bool anySpeaker = false;
    for (const Entity &e : data.entities) {
        if (e.type != Types::Speaker)
            continue;
        QStringList mentions;
        for (const Annotation *m : mentionsOf.value(e.id)) {
            if (!mentions.contains(m->text))
                mentions.append(m->text);
        }
        const QStringList quotes = quotesOf.value(e.id);
        if (mentions.isEmpty() && quotes.isEmpty())
            continue;
        anySpeaker = true;
        out += QStringLiteral("<h3>") + escape(e.name) + QStringLiteral("</h3>\n<p>");
        QStringList facts;
        for (auto it = e.attributes.cbegin(); it != e.attributes.cend(); ++it)
            facts.append(escape(it.key()) + QStringLiteral(": ") + escape(it.value()));
        if (!mentions.isEmpty()) {
            QStringList escaped;
            for (const QString &m : std::as_const(mentions))
                escaped.append(escape(m));
            facts.append(QStringLiteral("mentions: ") + escaped.join(QStringLiteral(", ")));
        }
        out += facts.join(QStringLiteral("<br>\n")) + QStringLiteral("</p>\n");
        if (!quotes.isEmpty()) {
            out += QStringLiteral("<ul>\n");
            for (const QString &q : std::as_const(quotes))
                out += QStringLiteral("<li>“") + escape(q) + QStringLiteral("”</li>\n");
            out += QStringLiteral("</ul>\n");
        }
    }
    if (!anySpeaker)
        out += QStringLiteral("<p>No speakers.</p>\n");

    // Countries by code.
    out += QStringLiteral("<h2>Countries</h2>\n");
    std::map<QString, QStringList> countries;
    for (const Annotation &a : list) {
        if (a.type == Types::Country)
            countries[a.attributes.value(Attr::Code)].append(a.text);
    }
    if (countries.empty()) {
        out += QStringLiteral("<p>No countries.</p>\n");
    } else {
        out += QStringLiteral("<table>\n<tr><th>Country</th><th>Code</th><th>Mentions</th><th>As written</th></tr>\n");
        for (const auto &[code, mentions] : countries) {
            QStringList forms;
            for (const QString &m : mentions) {
                if (!forms.contains(m))
                    forms.append(m);
            }
            for (QString &f : forms)
                f = escape(f);
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                       .arg(escape(code.isEmpty() ? QStringLiteral("(no code)") : CountryNames::shortName(code)), escape(code))
                       .arg(mentions.size())
                       .arg(forms.join(QStringLiteral(", ")));
        }
        out += QStringLiteral("</table>\n");
    }

    // Events: entities first, then lone mentions.
    out += QStringLiteral("<h2>Events</h2>\n");
    QStringList events;
    QSet<QString> seen;
    for (const Annotation &a : list) {
        if (a.type != Types::Event)
            continue;
        if (a.entity.isEmpty()) {
            events.append(QStringLiteral("<li>") + escape(a.text) + QStringLiteral("</li>"));
            continue;
        }
        if (seen.contains(a.entity))
            continue;
        seen.insert(a.entity);
        const Entity *e = entities.find(a.entity);
        QStringList mentions;
        for (const Annotation *m : mentionsOf.value(a.entity)) {
            if (!mentions.contains(escape(m->text)))
                mentions.append(escape(m->text));
        }
        QString item = QStringLiteral("<li><b>") + escape(e ? e->name : a.text) + QStringLiteral("</b>");
        if (e) {
            for (auto it = e->attributes.cbegin(); it != e->attributes.cend(); ++it)
                item += QStringLiteral(" · ") + escape(it.key()) + QStringLiteral(": ") + escape(it.value());
        }
        if (mentions.size() > 1)
            item += QStringLiteral(" (") + mentions.join(QStringLiteral(", ")) + u')';
        events.append(item + QStringLiteral("</li>"));
    }
    out += events.isEmpty() ? QStringLiteral("<p>No events.</p>\n") : QStringLiteral("<ul>\n") + events.join(u'\n') + QStringLiteral("\n</ul>\n");
    out += QStringLiteral("</body>\n</html>\n");
    result.bytes = out.toUtf8();
    return result;
}

} // namespace annotator

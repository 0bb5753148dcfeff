package org.factspan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.factspan.model.Annotation;
import org.factspan.model.FactSpanException;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.model.Timestamps;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The link types of a project and the links between its annotations (tables {@code link_type},
 * {@code link_type_label} and {@code link}), with the rules a link must keep: both ends exist in the link's
 * document, are not the same annotation, carry labels its type allows, and no other link of its type joins them.
 */
final class LinkTable {

    private static final String LINK_COLUMNS = "id, document_id, type, from_id, to_id, annotator, created, modified,"
            + " note";

    private final Connection connection;

    LinkTable(Connection connection) {
        this.connection = connection;
    }

    /** Adds the default link types whose labels the project has; for a project upgraded from before links. */
    static void addDefaults(Connection connection) throws SQLException {
        LinkTable table = new LinkTable(connection);
        Set<String> labels = table.labelNames();
        for (LinkType type : DefaultLabels.linkTypes()) {
            List<String> from = type.from().stream().filter(labels::contains).toList();
            List<String> to = type.to().stream().filter(labels::contains).toList();
            if (!from.isEmpty() && !to.isEmpty()) {
                table.insertType(new LinkType(type.name(), from, to));
            }
        }
    }

    List<LinkType> types() throws SQLException {
        Map<String, List<List<String>>> ends = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT t.name, l.side, l.label FROM link_type t JOIN link_type_label l ON l.link_type = t.name"
                        + " ORDER BY t.position, l.side, l.position");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                List<List<String>> sides = ends.computeIfAbsent(rows.getString(1),
                        name -> List.of(new ArrayList<>(), new ArrayList<>()));
                sides.get(rows.getString(2).equals("from") ? 0 : 1).add(rows.getString(3));
            }
        }
        List<LinkType> types = new ArrayList<>();
        ends.forEach((name, sides) -> types.add(new LinkType(name, sides.get(0), sides.get(1))));
        return types;
    }

    Optional<LinkType> type(String name) throws SQLException {
        return types().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    void insertType(LinkType type) throws SQLException {
        Set<String> labels = labelNames();
        for (String label : concat(type.from(), type.to())) {
            if (!labels.contains(label)) {
                throw new FactSpanException("The link type " + type.name() + " names the label \"" + name(label)
                        + "\", which the project does not have.");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO link_type (name, position) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1"
                        + " FROM link_type))")) {
            statement.setString(1, type.name());
            statement.executeUpdate();
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw new FactSpanException("The project already has a link type named " + type.name() + ".");
            }
            throw e;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO link_type_label (link_type, side, label, position) VALUES (?, ?, ?, ?)")) {
            insertEnds(statement, type.name(), "from", type.from());
            insertEnds(statement, type.name(), "to", type.to());
        }
    }

    private static void insertEnds(PreparedStatement statement, String type, String side, List<String> labels)
            throws SQLException {
        for (int i = 0; i < labels.size(); i++) {
            statement.setString(1, type);
            statement.setString(2, side);
            statement.setString(3, labels.get(i));
            statement.setInt(4, i);
            statement.executeUpdate();
        }
    }

    /** The links of a document, oldest first. */
    List<Link> links(String documentId) throws SQLException {
        return select("WHERE document_id = ? ORDER BY created, id", documentId);
    }

    /** The links that start or end at an annotation, oldest first. */
    List<Link> linksOf(String annotationId) throws SQLException {
        return select("WHERE from_id = ?1 OR to_id = ?1 ORDER BY created, id", annotationId);
    }

    Optional<Link> link(String id) throws SQLException {
        return select("WHERE id = ?", id).stream().findFirst();
    }

    private List<Link> select(String where, String value) throws SQLException {
        List<Link> links = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + LINK_COLUMNS + " FROM link " + where)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), Timestamps.parse(rows.getString(7)),
                            Timestamps.parse(rows.getString(8)), rows.getString(9)));
                }
            }
        }
        return links;
    }

    /**
     * Checks a link against the rules, reading its ends with {@code annotations}; refuses with one sentence naming the
     * link and what is wrong.
     */
    void check(Link link, Lookup annotations) throws SQLException {
        if (link.from().equals(link.to())) {
            throw new FactSpanException("Link " + name(link.id()) + " would join annotation " + name(link.from())
                    + " to itself.");
        }
        Annotation from = end(link, link.from(), annotations);
        Annotation to = end(link, link.to(), annotations);
        LinkType type = type(link.type()).orElseThrow(() -> new FactSpanException("Link " + name(link.id())
                + " has the type \"" + name(link.type()) + "\", which the project does not have."));
        if (!type.allows(from.label(), to.label())) {
            throw new FactSpanException("A " + type.name() + " link goes " + type.rule() + ", not " + from.label()
                    + " -> " + to.label() + " (\"" + org.factspan.model.Texts.abbreviate(from.quote(), 40) + "\" to \""
                    + org.factspan.model.Texts.abbreviate(to.quote(), 40) + "\").");
        }
    }

    /** Finds an annotation by id. */
    @FunctionalInterface
    interface Lookup {
        Optional<Annotation> annotation(String id);
    }

    private static Annotation end(Link link, String annotationId, Lookup annotations) {
        Annotation end = annotations.annotation(annotationId).orElseThrow(() -> new FactSpanException("Link "
                + name(link.id()) + " points to annotation " + name(annotationId) + ", which does not exist."));
        if (!end.documentId().equals(link.documentId())) {
            throw new FactSpanException("Link " + name(link.id()) + " joins annotation " + name(annotationId)
                    + " of another document; a link stays within one document.");
        }
        return end;
    }

    void insert(Link link) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO link (" + LINK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, link);
            statement.executeUpdate();
        } catch (SQLiteException e) {
            throw refusal(link, e);
        }
    }

    /** Replaces the link with the same id; returns whether there was one. */
    boolean update(Link link) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE link SET id = ?, document_id = ?, type = ?, from_id = ?, to_id = ?, annotator = ?, created = ?,"
                        + " modified = ?, note = ? WHERE id = ?")) {
            bind(statement, link);
            statement.setString(10, link.id());
            return statement.executeUpdate() > 0;
        } catch (SQLiteException e) {
            throw refusal(link, e);
        }
    }

    boolean delete(String linkId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM link WHERE id = ?")) {
            statement.setString(1, linkId);
            return statement.executeUpdate() > 0;
        }
    }

    private static void bind(PreparedStatement statement, Link link) throws SQLException {
        statement.setString(1, link.id());
        statement.setString(2, link.documentId());
        statement.setString(3, link.type());
        statement.setString(4, link.from());
        statement.setString(5, link.to());
        statement.setString(6, link.annotator());
        statement.setString(7, Timestamps.format(link.created()));
        statement.setString(8, Timestamps.format(link.modified()));
        statement.setString(9, link.note());
    }

    private static RuntimeException refusal(Link link, SQLiteException e) throws SQLiteException {
        if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
            return new FactSpanException("There is already a " + name(link.type()) + " link from annotation "
                    + name(link.from()) + " to annotation " + name(link.to()) + ".");
        }
        if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
            return new FactSpanException("The project already has a link with the id " + name(link.id()) + ".");
        }
        throw e;
    }

    /** An id or name from a file, on one line and not too long, for a message. */
    private static String name(String value) {
        return org.factspan.model.Texts.abbreviate(value, 60);
    }

    private Set<String> labelNames() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM label");
             ResultSet rows = statement.executeQuery()) {
            Set<String> names = new java.util.HashSet<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
    }
}

package org.yogaflow.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.yogaflow.generator.cache.Signature;

/**
 * Writes the Lucene index of a site: one Lucene document per {@link SearchDocument}, with a
 * field per {@link Ranking} group and the stored slug, kind and name that results print.
 */
public final class LuceneIndexer {

    static final String SLUG = "slug";
    static final String KIND = "kind";
    static final String DISPLAY = "display";
    /** The document id, for breaking ties in the same order as the browser. */
    static final String ORD = "ord";
    /** A hash of everything searchable about the document: what tells a changed document. */
    static final String SIGNATURE = "signature";

    /**
     * Search fields keep which documents have a term, nothing more: no frequencies, positions or
     * norms, since the ranking uses none of them (half the indexing work, a smaller index).
     */
    private static final FieldType TERMS_ONLY = new FieldType();

    static {
        TERMS_ONLY.setTokenized(true);
        TERMS_ONLY.setOmitNorms(true);
        TERMS_ONLY.setIndexOptions(IndexOptions.DOCS);
        TERMS_ONLY.freeze();
    }

    private LuceneIndexer() {}

    /**
     * The documents of an index, in id order: their slugs and signatures. The index's commit keeps
     * their {@link #fingerprint}, so that whoever knows them (the search memo) need not read them
     * back from the index.
     */
    record Documents(List<String> slugs, List<String> signatures) {
        static Documents of(List<SearchDocument.Entry> docs) {
            List<String> slugs = new ArrayList<>(docs.size());
            List<String> signatures = new ArrayList<>(docs.size());
            for (SearchDocument.Entry doc : docs) {
                slugs.add(doc.slug());
                signatures.add(doc.signature());
            }
            return new Documents(List.copyOf(slugs), List.copyOf(signatures));
        }

        /** A hash of the signatures in id order (each covers its document's id, kind and file). */
        String fingerprint() {
            return Signature.of(signatures);
        }
    }

    /** The commit data that holds the fingerprint of the index's documents. */
    private static final String DOCUMENTS = "yogaflow-documents";

    /**
     * The index of {@code docs}, written into {@code target} (a new, empty folder). When
     * {@code previous} (the index of the last build, or null) holds the same documents in the
     * same order, its files are linked into {@code target} (Lucene never changes a file it has
     * written) and only the documents whose content changed are replaced: a tenth of the work of
     * indexing everything again. Anything unexpected about the previous index means indexing
     * everything.
     *
     * @param now   {@code docs} as {@link Documents}
     * @param known the previous index's documents, if the caller knows them: used when the
     *              index's commit has their fingerprint, and read from the index otherwise
     * @return the index, open for reading
     */
    static Directory index(List<SearchDocument.Entry> docs, Documents now, Path previous, Path target, Documents known) {
        if (previous != null && Files.isDirectory(previous)) {
            try {
                Directory updated = update(docs, now, previous, target, known);
                if (updated != null) return updated;
            } catch (IOException | RuntimeException e) {
                // not usable: index everything below
            }
            clear(target);
        }
        Directory index = write(docs, now);
        copy(index, target);
        return index;
    }

    /**
     * Indexes {@code docs} in memory: a commit to disk would fsync every file, which costs seconds
     * on some disks and buys nothing for a build output. {@link #copy} then writes it out.
     */
    private static Directory write(List<SearchDocument.Entry> docs, Documents now) {
        Directory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(Analysis.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                // A small buffer: the build renders pages meanwhile, within the same heap. The few
                // segments it makes are left as they are (search and export read them all):
                // merging them, or packing them into compound files, would only copy bytes.
                .setRAMBufferSizeMB(16)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setUseCompoundFile(false);
        StemCollector stems = new StemCollector();
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (SearchDocument.Entry doc : docs) {
                writer.addDocument(document(doc.document(), doc.signature(), stems));
            }
            writer.setLiveCommitData(Map.of(DOCUMENTS, now.fingerprint()).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
        return directory;
    }

    /** The incremental case of {@link #index}, or null when the previous index holds other documents. */
    private static Directory update(List<SearchDocument.Entry> docs, Documents now, Path previous, Path target,
            Documents known) throws IOException {
        Documents before;
        try (Directory old = LuceneFiles.open(previous)) {
            String committed = SegmentInfos.readLatestCommit(old).getUserData().get(DOCUMENTS);
            before = known != null && known.fingerprint().equals(committed) ? known : documents(old, docs.size());
        }
        if (before == null || before.slugs().size() != docs.size()) return null;
        for (SearchDocument.Entry doc : docs) {
            if (!doc.slug().equals(before.slugs().get(doc.id()))) return null; // added, removed or renamed: ids move
        }
        Files.createDirectories(target);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(previous)) {
            for (Path file : files) {
                try {
                    Files.createLink(target.resolve(file.getFileName()), file);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        Directory directory = unsynced(target);
        IndexWriterConfig config = new IndexWriterConfig(Analysis.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.APPEND); // merges as usual, so deletions do not pile up
        StemCollector stems = new StemCollector();
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (SearchDocument.Entry doc : docs) {
                String signature = doc.signature();
                if (!signature.equals(before.signatures().get(doc.id()))) {
                    writer.updateDocument(new Term(SLUG, doc.slug()), document(doc.document(), signature, stems));
                }
            }
            writer.setLiveCommitData(Map.of(DOCUMENTS, now.fingerprint()).entrySet());
            writer.commit();
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        return directory;
    }

    /** The documents of an index, read from its doc values; null when it does not hold {@code size} well-formed ones. */
    private static Documents documents(Directory index, int size) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            if (reader.numDocs() != size) return null;
            String[] slugs = new String[size]; // by document id
            String[] signatures = new String[size];
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                // Doc values: read by column, without decompressing each stored document.
                NumericDocValues ords = leaf.reader().getNumericDocValues(ORD);
                SortedDocValues slugValues = leaf.reader().getSortedDocValues(SLUG);
                BinaryDocValues signatureValues = leaf.reader().getBinaryDocValues(SIGNATURE);
                if (ords == null || slugValues == null || signatureValues == null) return null;
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) continue;
                    if (!ords.advanceExact(doc) || !slugValues.advanceExact(doc) || !signatureValues.advanceExact(doc)) {
                        return null;
                    }
                    int ord = Math.toIntExact(ords.longValue());
                    if (ord < 0 || ord >= size || slugs[ord] != null) return null;
                    slugs[ord] = slugValues.lookupOrd(slugValues.ordValue()).utf8ToString();
                    signatures[ord] = signatureValues.binaryValue().utf8ToString();
                }
            }
            return new Documents(Arrays.asList(slugs), Arrays.asList(signatures));
        }
    }

    /**
     * (field, term) → ids of the documents that have it, for the indexed fields among {@code fields}:
     * found by analysing the documents as the index writer does, without writing an index.
     */
    static Map<List<String>, Set<Integer>> terms(List<SearchDocument> docs, Set<String> fields) {
        Map<List<String>, Set<Integer>> terms = new HashMap<>();
        Analyzer analyzer = Analysis.analyzer();
        StemCollector stems = new StemCollector();
        for (SearchDocument doc : docs) {
            for (IndexableField field : document(doc, "", stems)) {
                if (!fields.contains(field.name()) || field.fieldType().indexOptions() == IndexOptions.NONE) continue;
                try (TokenStream tokens = field.tokenStream(analyzer, null)) {
                    CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                    tokens.reset();
                    while (tokens.incrementToken()) {
                        terms.computeIfAbsent(List.of(field.name(), term.toString()), t -> new HashSet<>()).add(doc.id());
                    }
                    tokens.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // analysing a string does not fail
                }
            }
        }
        return terms;
    }

    /** A folder of index files, written without fsync (see {@link #write}). */
    private static Directory unsynced(Path dir) throws IOException {
        return new FilterDirectory(new NIOFSDirectory(dir, NoLockFactory.INSTANCE)) {
            @Override
            public void sync(Collection<String> names) {}

            @Override
            public void syncMetaData() {}
        };
    }

    private static void clear(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    /** A signature of everything a document's terms come from; lists by element, so ["a, b"] ≠ ["a", "b"]. */
    static String signature(SearchDocument doc) {
        List<Object> parts = new ArrayList<>(Arrays.asList(doc.id(), doc.kind(), doc.slug(), doc.name(), doc.sanskrit(),
                doc.difficulty(), doc.category(), doc.text()));
        for (List<String> list : List.of(doc.aliases(), doc.areas(), doc.benefits())) {
            parts.add(list.size());
            parts.addAll(list);
        }
        return Signature.of(parts.toArray());
    }

    /** Writes the files of an in-memory index into {@code dir}, without fsync. */
    public static void copy(Directory index, Path dir) {
        try {
            Files.createDirectories(dir);
            for (String file : index.listAll()) {
                try (IndexInput in = index.openInput(file, IOContext.READONCE)) {
                    byte[] bytes = new byte[Math.toIntExact(in.length())];
                    in.readBytes(bytes, 0, bytes.length);
                    Files.write(dir.resolve(file), bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index in " + dir, e);
        }
    }

    static Document document(SearchDocument doc, String signature, StemCollector stems) {
        Document d = new Document();
        d.add(new StringField(SLUG, doc.slug(), Field.Store.YES));
        d.add(new StoredField(KIND, doc.kind().slug()));
        d.add(new StoredField(DISPLAY, doc.name()));
        d.add(new NumericDocValuesField(ORD, doc.id()));
        d.add(new SortedDocValuesField(SLUG, new BytesRef(doc.slug())));
        d.add(new BinaryDocValuesField(SIGNATURE, new BytesRef(signature)));
        for (Ranking.Group group : Ranking.groups()) {
            if (group.whole()) {
                for (String term : Ranking.wholeTerms(group, doc)) {
                    d.add(new StringField(group.field(), term, Field.Store.NO));
                }
                continue;
            }
            if (group.form() == Ranking.Form.STEM) {
                // Long texts: each distinct stem once, since only presence is indexed.
                d.add(new Field(group.field(), new TermList(stems.of(group.source().apply(doc))), TERMS_ONLY));
                continue;
            }
            for (String text : group.source().apply(doc)) {
                if (text == null) continue;
                d.add(new Field(group.field(), text, TERMS_ONLY));
                if (!group.exactField().equals(group.field())) {
                    d.add(new Field(group.exactField(), text, TERMS_ONLY));
                }
            }
        }
        return d;
    }

    /** Terms already analysed, as a token stream. */
    private static final class TermList extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Iterable<String> terms;
        private Iterator<String> next;

        TermList(Iterable<String> terms) {
            this.terms = terms;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = terms.iterator();
        }

        @Override
        public boolean incrementToken() {
            if (!next.hasNext()) return false;
            clearAttributes();
            term.setEmpty().append(next.next());
            return true;
        }
    }
}

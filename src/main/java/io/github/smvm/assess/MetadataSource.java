package io.github.smvm.assess;

import io.github.smvm.index.IndexFile;
import io.github.smvm.metadata.CoreMetadata;

/** Reads the core metadata of a distribution file (a side effect kept behind an interface). */
public interface MetadataSource {

    /**
     * @throws Exception with a message that names the file and what went wrong
     */
    CoreMetadata read(IndexFile file) throws Exception;
}

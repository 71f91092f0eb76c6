/** JSON trees read and written without Jackson's object mapper ({@link io.github.smvm.json.JsonTrees}). */
package io.github.smvm.json;

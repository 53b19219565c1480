package io.orrery.model.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orrery.model.ComputeResource;
import io.orrery.model.DataResource;
import io.orrery.model.DockerContainer;
import io.orrery.model.Executable;
import io.orrery.model.IvoaData;
import io.orrery.model.JupyterNotebook;
import io.orrery.model.Kind;
import io.orrery.model.PythonProgram;
import io.orrery.model.RucioData;
import io.orrery.model.S3Data;
import io.orrery.model.SimpleCompute;
import io.orrery.model.SimpleData;
import io.orrery.model.SimpleStorage;
import io.orrery.model.SimpleVolumeMount;
import io.orrery.model.SingularityContainer;
import io.orrery.model.SkaoData;
import io.orrery.model.StorageResource;
import io.orrery.model.UnknownCompute;
import io.orrery.model.UnknownData;
import io.orrery.model.UnknownExecutable;
import io.orrery.model.UnknownStorage;
import io.orrery.model.UnknownVolumeMount;
import io.orrery.model.VolumeMount;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The Jackson mappers that bind trees of the newest shape to the model records and write them out. */
final class ModelMapper {
    static final ObjectMapper TREE = configure(JsonMapper.builder()).build();
    static final ObjectMapper JSON_OUT = configure(JsonMapper.builder()).enable(SerializationFeature.INDENT_OUTPUT).build();
    static final ObjectMapper YAML_OUT = configure(YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.SPLIT_LINES)).build();

    private ModelMapper() {}

    private static <M extends ObjectMapper, B extends tools.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B builder) {
        SimpleModule kinds = new SimpleModule("orrery-kinds");
        kinds.addDeserializer(Executable.class, new KindDeserializer<>(Map.of(
                Kind.DOCKER, DockerContainer.class, Kind.JUPYTER, JupyterNotebook.class,
                Kind.SINGULARITY, SingularityContainer.class, Kind.PYTHON, PythonProgram.class), UnknownExecutable.class));
        kinds.addDeserializer(ComputeResource.class, new KindDeserializer<>(Map.of(
                Kind.SIMPLE_COMPUTE, SimpleCompute.class), UnknownCompute.class));
        kinds.addDeserializer(StorageResource.class, new KindDeserializer<>(Map.of(
                Kind.SIMPLE_STORAGE, SimpleStorage.class), UnknownStorage.class));
        kinds.addDeserializer(VolumeMount.class, new KindDeserializer<>(Map.of(
                Kind.SIMPLE_VOLUME, SimpleVolumeMount.class), UnknownVolumeMount.class));
        kinds.addDeserializer(DataResource.class, new KindDeserializer<>(Map.of(
                Kind.SIMPLE_DATA, SimpleData.class, Kind.S3_DATA, S3Data.class, Kind.RUCIO_DATA, RucioData.class,
                Kind.IVOA_DATA, IvoaData.class, Kind.SKAO_DATA, SkaoData.class), UnknownData.class));
        return builder.addModule(kinds)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL));
    }
}

package org.newsroommonitor.ingest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of ingest-service (their compiled classes) depend on each other without a cycle, so that each can be
 * read and changed from the bottom up: {@code config}, {@code net}, {@code parse} and {@code messaging} depend on
 * no other; {@code fetch} on {@code net}; {@code registry} on {@code net}, {@code article}, and {@code fetch} and
 * {@code parse} (to look at a URL before adding it); {@code state} on {@code fetch} and {@code registry};
 * {@code poll}, {@code status} and {@code statetopic} on those below them; and {@code api} and {@code health} sit on
 * top.
 */
class PackageCyclesTest {

    private static final String INGEST = "org.newsroommonitor.ingest";

    @Test
    void noPackageOfIngestServiceDependsOnItselfThroughOthers() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(INGEST);
        assertThat(classes.stream().map(JavaClass::getPackageName).distinct().count())
                .as("the packages found").isGreaterThan(10);

        slices().matching(INGEST + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}

package org.oriundos.tools.sample;

import java.util.List;

/**
 * What 3x1 projects build: the fourteen categories of the 2013 layout, and the free-text work
 * types the 2002-2012 layout wrote instead, as SEDESOL's records word them.
 */
final class Works {

    /** A category with its share of the projects and the work types filed under it. */
    record Category(String code, double weight, List<String> workTypes) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("AGUA POTABLE", 14, List.of("Ampliación de red de agua potable",
                    "Construcción de tanque de almacenamiento de agua potable", "Perforación y equipamiento de pozo profundo",
                    "Rehabilitación de línea de conducción de agua potable")),
            new Category("DRENAJE", 12, List.of("Ampliación de red de drenaje sanitario",
                    "Construcción de planta de tratamiento de aguas residuales", "Construcción de colector pluvial")),
            new Category("ELECTRIFICACION", 12, List.of("Ampliación de red eléctrica", "Electrificación de calles",
                    "Instalación de alumbrado público")),
            new Category("PAVIMENTACION", 20, List.of("Pavimentación con concreto hidráulico",
                    "Pavimentación con empedrado ahogado en cemento", "Construcción de banquetas y guarniciones")),
            new Category("CAMINOS", 8, List.of("Rehabilitación de camino rural", "Construcción de puente vehicular",
                    "Revestimiento de camino saca cosechas")),
            new Category("URBANIZACION", 8, List.of("Remodelación de plaza principal", "Construcción de kiosco",
                    "Remodelación de jardín principal")),
            new Category("CENTRO COMUNITARIO", 6, List.of("Construcción de centro comunitario",
                    "Construcción de casa de día para adultos mayores", "Rehabilitación de casa de la cultura",
                    "Construcción de biblioteca pública", "Equipamiento de asilo de ancianos")),
            new Category("EDUCACION", 5, List.of("Construcción de aula", "Construcción de techado en escuela primaria",
                    "Equipamiento de centro de cómputo escolar")),
            new Category("BECAS", 3, List.of("Becas educativas para estudiantes de secundaria y bachillerato",
                    "Becas 3x1 para estudiantes universitarios")),
            new Category("SALUD", 3, List.of("Construcción de centro de salud", "Equipamiento de clínica rural",
                    "Adquisición de ambulancia")),
            new Category("DEPORTE", 4, List.of("Construcción de unidad deportiva", "Construcción de lienzo charro",
                    "Rehabilitación de campo de fútbol", "Construcción de cancha de usos múltiples")),
            new Category("TEMPLO", 2, List.of("Rehabilitación de templo parroquial", "Construcción de capilla",
                    "Remodelación de atrio del templo")),
            new Category("PRODUCTIVO", 3, List.of("Proyecto productivo de invernadero",
                    "Equipamiento de taller de costura", "Establecimiento de granja avícola")),
            new Category("OTRO", 2, List.of("Construcción de barda perimetral de panteón",
                    "Ampliación de panteón municipal")));

    static final List<String> LOCALITIES = List.of("El Cargadero", "La Estancia", "San José de la Isla", "Santa Rita",
            "El Rincón", "La Cofradía", "Los Ramírez", "El Tule", "Ojo de Agua", "La Presa", "Ermita de Guadalupe",
            "San Juan del Centro", "El Saucito", "Palmas Altas", "La Labor", "Los Haro", "El Salto", "Buenavista");

    static final List<String> STREETS = List.of("Hidalgo", "Morelos", "Juárez", "Zaragoza", "Allende", "Guerrero",
            "Madero", "Independencia", "Reforma", "Niños Héroes", "5 de Mayo", "16 de Septiembre");

    private static final double[] WEIGHTS = CATEGORIES.stream().mapToDouble(Category::weight).toArray();

    private Works() {
    }

    static Category pick(Rng rng) {
        return CATEGORIES.get(rng.weighted(WEIGHTS));
    }
}
